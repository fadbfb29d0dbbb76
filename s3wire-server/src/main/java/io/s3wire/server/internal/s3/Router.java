package io.s3wire.server.internal.s3;

import io.s3wire.error.Http2ErrorCode;
import io.s3wire.http.HttpProtocol;
import io.s3wire.server.FaultRule;
import io.s3wire.server.ObservedRequest;
import io.s3wire.server.RequestObserver;
import io.s3wire.server.S3ErrorCode;
import io.s3wire.server.S3ErrorException;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.net.Exchange;
import io.s3wire.server.internal.net.Pacing;
import io.s3wire.server.internal.net.RequestHandler;
import io.s3wire.server.internal.net.ResponseShaping;
import io.s3wire.server.internal.net.ServerLog;
import io.s3wire.server.internal.store.FileStore;
import io.s3wire.server.internal.store.StorageFull;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one router for HTTP/1.1 and HTTP/2: on the event loop it applies the profile's front-end
 * rules and the fault rules that act before any response, resolves the operation and tells the
 * observers; then a worker authenticates and runs the operation's handler from the table.
 */
public final class Router implements RequestHandler {
  private final ServerContext ctx;
  private final Map<Operation, OperationHandler> table = Operations.table();

  public Router(ServerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void onRequest(Exchange ex) {
    if (ex.protocol() != HttpProtocol.HTTP_1_1 && ex.sentHostHeader() && ctx.profile().forbidsHostHeaderOnH2()) {
      // Like Google's front end: a regular host header next to :authority makes the stream malformed
      // (on HTTP/3 too, where the reset's code is H3_MESSAGE_ERROR).
      ServerLog.debug(ex.describe() + ": host header on HTTP/2, profile " + ctx.profile().name()
          + " resets with PROTOCOL_ERROR");
      ex.reset(Http2ErrorCode.PROTOCOL_ERROR);
      return;
    }
    String requestId = requestId();
    RequestTarget target;
    try {
      target = RequestTarget.parse(ex.uri());
    } catch (IllegalArgumentException e) {
      S3Call call = new S3Call(ex, ctx, requestId, Operation.METHOD_NOT_ALLOWED, null, null, ex.uri(), Map.of());
      ErrorResponses.send(call, new S3ErrorException(S3ErrorCode.INVALID_ARGUMENT, e.getMessage()), 400);
      return;
    }
    Operation op = Operation.resolve(ex.method(), target.bucket(), target.key(), target.query(),
        ex.headers().contains("x-amz-copy-source"));
    S3Call call = new S3Call(ex, ctx, requestId, op, target.bucket(), target.key(), target.path(), target.query());
    for (RequestObserver o : ctx.observers()) {
      try {
        o.onRequest(new ObservedRequest(op.awsName(), ex.method(), target.path(), ex.protocol(), ex.streamId(),
            ex.sentHostHeader()));
      } catch (RuntimeException e) {
        ServerLog.error("a request observer threw; ignored", e);
      }
    }
    List<FaultRule.Action> actions = ctx.faults().match(ex.method(), target.path(), ex.headers()::contains,
        ex.protocol());
    List<FaultRule.Action> later = new ArrayList<>();
    for (FaultRule.Action a : actions) {
      if (a instanceof FaultRule.ResetStream r) {
        ex.reset(r.code());
        return;
      } else if (a instanceof FaultRule.GoAway g) {
        ex.goAway(g.code(), g.lastStreamId() >= 0 ? g.lastStreamId() : Math.max(0, ex.streamId() - 2));
        return;
      } else if (a instanceof FaultRule.Http11Required) {
        ex.requireHttp11();
        return;
      }
      later.add(a);
    }
    try {
      ctx.workers().execute(() -> run(call, later));
    } catch (RejectedExecutionException e) {
      ErrorResponses.send(call, new S3ErrorException(S3ErrorCode.SLOW_DOWN), 0);
    }
  }

  private static String requestId() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).toUpperCase(java.util.Locale.ROOT);
  }

  private void run(S3Call call, List<FaultRule.Action> actions) {
    try {
      long bandwidth = 0;
      long cutResponse = -1;
      for (FaultRule.Action a : actions) {
        if (a instanceof FaultRule.Delay d) {
          TimeUnit.NANOSECONDS.sleep(d.delay().toNanos());
        } else if (a instanceof FaultRule.ErrorStatus e) {
          ErrorResponses.send(call, new S3ErrorException(e.code()), e.status());
          return;
        } else if (a instanceof FaultRule.Bandwidth b) {
          bandwidth = b.bytesPerSecond();
        } else if (a instanceof FaultRule.CutResponseBody c) {
          cutResponse = c.bytes();
        } else if (a instanceof FaultRule.CutRequestBody c) {
          long limit = c.bytes();
          call.exchange.body().tap(total -> {
            if (total >= limit) {
              call.exchange.closeConnection();
              throw new IOException("fault rule cut the request after " + total + " bytes");
            }
          });
        }
      }
      if (bandwidth > 0) {
        long rate = bandwidth;
        long started = System.nanoTime();
        call.exchange.body().tap(total -> Pacing.pace(started, total, rate));
      }
      call.shaping = new ResponseShaping(bandwidth, cutResponse);
      if (call.operation == Operation.NOT_IMPLEMENTED) {
        throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED);
      }
      if (call.operation == Operation.METHOD_NOT_ALLOWED) {
        throw new S3ErrorException(S3ErrorCode.METHOD_NOT_ALLOWED);
      }
      if (call.operation == Operation.OPTIONS_OBJECT) {
        // A browser's preflight carries no credentials; S3 answers it from the CORS rules alone.
        table.get(call.operation).handle(call);
        return;
      }
      call.corsHeaders = Cors.forActualRequest(call);
      // A browser form is signed in its fields, not its headers: PostObjectOp verifies it.
      Authenticator.Verdict verdict = call.operation == Operation.POST_OBJECT ? Authenticator.Verdict.UNSIGNED
          : verify(call);
      call.caller = verdict.caller() != null || !ctx.users().isEmpty() ? verdict.caller() : ctx.users().defaultOwner();
      AccessChecks.check(call);
      ProfileChecks.check(call, ctx.profile());
      ProfileChecks.emulate(call, ctx.profile());
      if ((call.operation == Operation.PUT_OBJECT || call.operation == Operation.UPLOAD_PART)
          && ctx.store() instanceof FileStore files) {
        StorageFull.refuseLargerThanFree(files.root(), declaredLength(call));
      }
      call.body = PayloadStreams.wrap(call, verdict);
      table.get(call.operation).handle(call);
    } catch (S3ErrorException e) {
      answerError(call, e);
    } catch (IOException e) {
      if (!call.exchange.isDone()) {
        ServerLog.error(call.exchange.describe() + ": " + call.operation.awsName() + " failed", e);
        answerError(call, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR));
      } else {
        ServerLog.debug(call.exchange.describe() + ": " + e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.exchange.closeConnection();
    } catch (RuntimeException e) {
      ServerLog.error(call.exchange.describe() + ": " + call.operation.awsName() + " failed", e);
      answerError(call, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR));
    } catch (Error e) {
      // A client must not wait out its timeout for a request whose worker died (a missing class,
      // a stack overflow): answer, then let the error take its course.
      ServerLog.error(call.exchange.describe() + ": " + call.operation.awsName() + " failed", e);
      answerError(call, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR));
      throw e;
    }
  }

  /**
   * The authenticator's verdict; an unsigned request it refuses still reads what an ACL grants
   * everyone (a public-read object), as S3 lets it where ACLs are enabled.
   */
  private Authenticator.Verdict verify(S3Call call) throws IOException {
    try {
      return ctx.authenticator().verify(new Authenticator.Request(call.exchange.method(),
          RequestTarget.rawPath(call.exchange.uri()), RequestTarget.rawQuery(call.exchange.uri()),
          call.requestHeaders(), Instant.now(ctx.clock())));
    } catch (S3ErrorException e) {
      if (e.code() == S3ErrorCode.ACCESS_DENIED && unsigned(call) && AclOps.allowsUnsigned(call)) {
        return Authenticator.Verdict.UNSIGNED;
      }
      throw e;
    }
  }

  /** Whether a request presents no credentials at all: no Authorization header, no presigned-URL parameters. */
  private static boolean unsigned(S3Call call) {
    if (call.header("authorization") != null) {
      return false;
    }
    for (String q : call.query.keySet()) {
      if (q.startsWith("X-Amz-") || q.equals("AWSAccessKeyId") || q.equals("Signature")) {
        return false;
      }
    }
    return true;
  }

  /** The length of the object data a request carries (aws-chunked: decoded); -1 when it does not say. */
  private static long declaredLength(S3Call call) {
    String decoded = call.header("x-amz-decoded-content-length");
    String length = decoded != null ? decoded : call.header("content-length");
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Bodies up to this size are read to their end before an early error answer, so HTTP/1.1 clients see the answer. */
  private static final long DRAIN_LIMIT = 16L << 20;

  private static void answerError(S3Call call, S3ErrorException e) {
    if (call.exchange.isDone()) {
      return;
    }
    if (call.exchange.protocol() == HttpProtocol.HTTP_1_1 && !call.exchange.awaitingContinue()
        && e.code() != S3ErrorCode.REQUEST_TIMEOUT
        && e.code() != S3ErrorCode.ENTITY_TOO_LARGE) {
      String length = call.header("content-length");
      try {
        if (length != null && Long.parseLong(length.trim()) <= DRAIN_LIMIT) {
          call.exchange.body().drain();
        }
      } catch (IOException | RuntimeException ignored) {
        // The connection closes after the answer instead.
      }
    }
    ErrorResponses.send(call, e, 0);
  }
}
