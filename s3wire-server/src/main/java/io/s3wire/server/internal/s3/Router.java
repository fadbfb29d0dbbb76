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
import io.s3wire.server.internal.store.MemoryStore;
import io.s3wire.server.internal.store.StorageFull;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one router for HTTP/1.1 and HTTP/2: on the event loop it applies the profile's front-end
 * rules and the fault rules that act before any response, resolves the operation and tells the
 * observers; then a worker authenticates and runs the operation's handler from the table.
 *
 * <p>A small object operation on the memory store whose request body has fully arrived runs on
 * the event loop instead: nothing in it can block (the body is in hand, the store holds its locks
 * only for map updates, authentication is arithmetic), and the hand-off to a worker and the
 * worker's writes back to the loop cost more than the operation (see {@link #runsInline}). So does
 * a small PUT whose client waits for {@code 100 Continue}, in two steps: its head's checks, then,
 * once 100 Continue brought its body, the rest (see {@link #acceptThenContinue}).
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
    if (later.isEmpty() && runsInline(call)) {
      call.offload = task -> offload(call, task);
      run(call, later);
      return;
    }
    if (later.isEmpty() && continuesInline(call)) {
      call.offload = task -> offload(call, task);
      guarded(call, () -> acceptThenContinue(call));
      return;
    }
    try {
      ctx.workers().execute(() -> run(call, later));
    } catch (RejectedExecutionException e) {
      ErrorResponses.send(call, new S3ErrorException(S3ErrorCode.SLOW_DOWN), 0);
    }
  }

  /** The operations that stay on the event loop when their body is in hand: bounded, non-blocking work. */
  private static final Set<Operation> INLINE = EnumSet.of(Operation.PUT_OBJECT, Operation.GET_OBJECT,
      Operation.HEAD_OBJECT, Operation.DELETE_OBJECT, Operation.HEAD_BUCKET);

  /**
   * Whether a call runs on the event loop: the store is the plain memory store (a decorator may
   * delay, a file store waits on the disk), and the request body has arrived whole, so reading it
   * never waits for the loop itself. A GET's body larger than {@link S3Call#INLINE_RESPONSE_BYTES}
   * is sent from a worker ({@link S3Call#stream}).
   */
  private boolean runsInline(S3Call call) {
    return ctx.store() instanceof MemoryStore && INLINE.contains(call.operation)
        && call.exchange.body().isComplete();
  }

  /**
   * Whether a PUT from a client that waits for {@code 100 Continue} runs in two steps on the event
   * loop ({@link #acceptThenContinue}): the plain memory store, and a body small enough to hold
   * (see {@link Exchange#smallBodyAfterContinue}).
   */
  private boolean continuesInline(S3Call call) {
    return ctx.store() instanceof MemoryStore && call.operation == Operation.PUT_OBJECT
        && call.exchange.smallBodyAfterContinue();
  }

  /**
   * The first step of a {@link #continuesInline} PUT, on the event loop: the checks a worker makes
   * from the request's head before it asks for the body (authentication, access, the PUT's own);
   * what they throw is answered without {@code 100 Continue}. Then the exchange answers {@code 100
   * Continue} and reads the body as it arrives; once it is in, the PUT stores it on the loop. A
   * body split over reads is stored by a worker, which waits for the rest; a body that does not
   * start within the read timeout is answered RequestTimeout, as a worker waiting for it would be.
   */
  private void acceptThenContinue(S3Call call) throws IOException {
    admit(call);
    S3Call.Step rest = ObjectOps.acceptPut(call);
    Exchange ex = call.exchange;
    AtomicBoolean decided = new AtomicBoolean();
    ScheduledFuture<?> timeout = ex.connection().eventLoop().schedule(() -> {
      if (decided.compareAndSet(false, true)) {
        answerError(call, new S3ErrorException(S3ErrorCode.REQUEST_TIMEOUT));
      }
    }, ctx.limits().readTimeout().toNanos(), TimeUnit.NANOSECONDS);
    ex.continueAndReadAhead(() -> {
      if (!decided.compareAndSet(false, true)) {
        return;
      }
      timeout.cancel(false);
      if (ex.body().isComplete()) {
        guarded(call, rest);
      } else {
        offload(call, rest);
      }
    });
  }

  /** Runs the rest of an inline call on a worker, with the same error handling as a call started there. */
  private void offload(S3Call call, S3Call.Step step) {
    try {
      ctx.workers().execute(() -> guarded(call, step));
    } catch (RejectedExecutionException e) {
      answerError(call, new S3ErrorException(S3ErrorCode.SLOW_DOWN));
    }
  }

  private static String requestId() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).toUpperCase(java.util.Locale.ROOT);
  }

  private void run(S3Call call, List<FaultRule.Action> actions) {
    guarded(call, () -> handle(call, actions));
  }

  private void handle(S3Call call, List<FaultRule.Action> actions) throws IOException {
    if (!applyFaults(call, actions)) {
      return;
    }
    if (call.operation == Operation.OPTIONS_OBJECT) {
      // A browser's preflight carries no credentials; S3 answers it from the CORS rules alone.
      table.get(call.operation).handle(call);
      return;
    }
    admit(call);
    table.get(call.operation).handle(call);
  }

  /**
   * Applies the fault rules that act once the request is routed: delays, error answers, bandwidth
   * and cuts; false when the request is over (answered, or its connection closed).
   */
  private static boolean applyFaults(S3Call call, List<FaultRule.Action> actions) {
    long bandwidth = 0;
    long cutResponse = -1;
    for (FaultRule.Action a : actions) {
      if (a instanceof FaultRule.Delay d) {
        try {
          TimeUnit.NANOSECONDS.sleep(d.delay().toNanos());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          call.exchange.closeConnection();
          return false;
        }
      } else if (a instanceof FaultRule.ErrorStatus e) {
        ErrorResponses.send(call, new S3ErrorException(e.code()), e.status());
        return false;
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
    return true;
  }

  /**
   * What every operation but a CORS preflight passes from its head before its handler runs:
   * authentication, access, the profile's checks and free space; then wraps the body to be decoded
   * and verified as it is read.
   */
  private void admit(S3Call call) throws IOException {
    if (call.operation == Operation.NOT_IMPLEMENTED) {
      throw new S3ErrorException(S3ErrorCode.NOT_IMPLEMENTED);
    }
    if (call.operation == Operation.METHOD_NOT_ALLOWED) {
      throw new S3ErrorException(S3ErrorCode.METHOD_NOT_ALLOWED);
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
  }

  /** Runs {@code step}, answering what it throws as S3 does: typed errors as themselves, the rest as InternalError. */
  private static void guarded(S3Call call, S3Call.Step step) {
    try {
      step.run();
    } catch (S3ErrorException e) {
      answerError(call, e);
    } catch (IOException e) {
      if (!call.exchange.isDone()) {
        ServerLog.error(call.exchange.describe() + ": " + call.operation.awsName() + " failed", e);
        answerError(call, new S3ErrorException(S3ErrorCode.INTERNAL_ERROR));
      } else {
        ServerLog.debug(call.exchange.describe() + ": " + e.getMessage());
      }
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
