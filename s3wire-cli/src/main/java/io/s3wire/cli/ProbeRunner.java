package io.s3wire.cli;

import io.s3wire.cli.local.LocalS3Target;
import io.s3wire.error.Attempt;
import io.s3wire.error.S3Exception;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.HttpResponse;
import io.s3wire.http.HttpTransport;
import io.s3wire.http.RequestBody;
import io.s3wire.wire.Redaction;
import io.s3wire.wire.TraceFormat;
import io.s3wire.wire.TraceRecorder;
import io.s3wire.wire.TraceWriter;
import io.s3wire.wire.WireEvent;
import io.s3wire.wire.WireListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a {@link ProbeRequest}: starts the local responder if asked, makes the call, prints what happened. */
final class ProbeRunner {
  private static final long CALL_SECONDS = 60;

  private final PrintWriter out;
  private final PrintWriter err;

  ProbeRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** Returns the exit code: 0 when the server answered, 1 when the probe failed. */
  int run(ProbeRequest request) {
    // HTTP/3's QUIC handshake runs in the QUIC codec's BoringSSL, which writes the key log itself.
    if (request.keyLog() != null && !request.policy().usesHttp3()) {
      String problem = KeyLogSupport.problem(request.tlsProvider(), KeyLogSupport.jdkAgentAttached());
      if (problem != null) {
        return fail(request, request.uri(), "--keylog: " + problem, List.of());
      }
    }
    LocalS3Target local = null;
    Writer traceFile = null;
    try {
      Path ca = null;
      if (request.local()) {
        local = LocalS3Target.start();
        ca = request.insecure() ? null : local.caFile();
      }
      URI uri = local != null ? local.uri() : request.uri();
      TraceFormat format = request.json() ? TraceFormat.JSON : TraceFormat.TEXT;
      // Times count from the first event (the connection), as nghttp's count from its start.
      TraceRecorder recorder = TraceRecorder.create(100_000, Redaction.DEFAULT);
      WireListener listener = recorder;
      if (request.trace() == ProbeRequest.Trace.FILE) {
        traceFile = Files.newBufferedWriter(request.traceFile(), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        listener = WireListener.composite(recorder, new TraceWriter(traceFile, format, Redaction.DEFAULT));
      }
      return call(request, uri, ca, listener, recorder, format);
    } catch (IOException e) {
      return fail(request, request.uri(), "I/O: " + e.getMessage(), List.of());
    } finally {
      if (traceFile != null) {
        try {
          traceFile.close();
        } catch (IOException ignored) {
          // The trace was flushed event by event; a failing close loses nothing more.
        }
      }
      if (local != null) {
        local.close();
      }
    }
  }

  private int call(ProbeRequest request, URI uri, Path ca, WireListener listener, TraceRecorder recorder, TraceFormat format) {
    HttpRequest httpRequest = new HttpRequest(request.method(), uri,
        HttpHeaders.of("user-agent", "s3wire-probe", "accept", "*/*"), RequestBody.empty());
    HttpResponse response = null;
    long bodyBytes = -1;
    String altSvc = null;
    Throwable failure = null;
    try (HttpTransport transport = HttpTransport.create(request.transportConfig(ca, listener))) {
      try {
        response = transport.execute(httpRequest).get(CALL_SECONDS, TimeUnit.SECONDS);
        altSvc = response.headers().first("alt-svc").orElse(null);
        try (HttpResponse r = response; InputStream in = r.body().stream()) {
          bodyBytes = in.transferTo(OutputStream.nullOutputStream());
        }
      } catch (ExecutionException | CompletionException e) {
        failure = e.getCause() == null ? e : e.getCause();
      } catch (TimeoutException e) {
        failure = new TimeoutException("no response within " + CALL_SECONDS + " s");
      } catch (IOException | UncheckedIOException e) {
        failure = e.getCause() instanceof S3Exception s ? s : e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
      }
    }
    // The transport is closed: the trace now holds the connection's close too, and the capture is whole.
    if (request.pcap() != null) {
      err.println("s3wire: capture written to " + request.pcap() + "; read it with: " + TsharkCommand.reading(request.pcap()));
      err.flush();
    }
    List<WireEvent> events = List.copyOf(recorder.events());
    // After a TCP answer, its Alt-Svc decides whether the same request goes over QUIC too (its events join the trace).
    String h3 = failure == null ? ProbeHttp3.line(request, httpRequest, altSvc, ca, listener) : null;
    if (request.trace() == ProbeRequest.Trace.STDOUT) {
      recorder.render(format).forEach(out::println);
    }
    if (failure != null) {
      List<Attempt> attempts = failure instanceof S3Exception s ? s.attempts() : List.of();
      return fail(request, uri, message(failure), attempts);
    }
    ProbeSummary summary = ProbeSummary.of(request, uri, response, bodyBytes, events, h3);
    (request.json() ? List.of(summary.json()) : summary.lines()).forEach(out::println);
    out.flush();
    return 0;
  }

  private int fail(ProbeRequest request, URI uri, String message, List<Attempt> attempts) {
    String line = Redaction.DEFAULT.text(message);
    if (request.json()) {
      out.println(ProbeSummary.failureJson(request, uri, line, attempts));
      out.flush();
    } else {
      for (Attempt a : attempts) {
        out.println("attempt: " + Redaction.DEFAULT.text(a.summary()));
      }
      out.flush();
    }
    err.println("s3wire: probe failed: " + line);
    err.flush();
    return 1;
  }

  /** One line: the S3Exception's message, or the exception's kind and message. */
  static String message(Throwable t) {
    if (t instanceof S3Exception) {
      return t.getMessage();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m.replace('\n', ' '));
  }

  /** The TLS handshake event of the connection that answered, if any. */
  static WireEvent.TlsHandshake handshake(List<WireEvent> events) {
    WireEvent.TlsHandshake last = null;
    for (WireEvent e : events) {
      if (e instanceof WireEvent.TlsHandshake t) {
        last = t;
      }
    }
    return last;
  }
}
