package io.s3wire.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sync {@link S3Client} face of an {@link S3AsyncClient}, so one test body written against the
 * sync client also runs over the SDK's only HTTP/2 transport (the async Netty client). Every
 * operation is the async client's own call, awaited (60 s at most) with its exception unwrapped;
 * the sync interface's conveniences (request-builder overloads, {@code getObjectAsBytes},
 * paginators) are its default methods, which end in those calls. A sync body is read into memory
 * before it is sent and a sync response transformer is given the whole body: fine for test-sized
 * objects. Closing the face closes the async client.
 */
final class SyncOverAsync implements InvocationHandler {
  private final S3AsyncClient async;

  private SyncOverAsync(S3AsyncClient async) {
    this.async = async;
  }

  static S3Client of(S3AsyncClient async) {
    return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
        new SyncOverAsync(async));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Class<?>[] types = method.getParameterTypes();
    switch (method.getName()) {
      case "close" -> {
        async.close();
        return null;
      }
      case "serviceName" -> {
        return async.serviceName();
      }
      case "toString" -> {
        return "SyncOverAsync[" + async + "]";
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "equals" -> {
        return proxy == args[0];
      }
      default -> { }
    }
    Method same = asyncMethod(method.getName(), types);
    if (same != null && CompletableFuture.class.isAssignableFrom(same.getReturnType())) {
      return await((CompletableFuture<?>) call(same, args));
    }
    if (types.length == 2 && types[1] == RequestBody.class) {
      Method m = asyncMethod(method.getName(), types[0], AsyncRequestBody.class);
      return await((CompletableFuture<?>) call(m, args[0], AsyncRequestBody.fromBytes(bytes((RequestBody) args[1]))));
    }
    if (types.length == 2 && types[1] == ResponseTransformer.class) {
      Method m = asyncMethod(method.getName(), types[0], AsyncResponseTransformer.class);
      ResponseBytes<?> whole = (ResponseBytes<?>) await((CompletableFuture<?>) call(m, args[0],
          AsyncResponseTransformer.toBytes()));
      return transform((ResponseTransformer<?, ?>) args[1], whole);
    }
    return InvocationHandler.invokeDefault(proxy, method, args);
  }

  @SuppressWarnings("unchecked")
  private static <R> Object transform(ResponseTransformer<R, ?> transformer, ResponseBytes<?> whole) throws Exception {
    return transformer.transform((R) whole.response(), AbortableInputStream.create(whole.asInputStream()));
  }

  private Method asyncMethod(String name, Class<?>... types) {
    try {
      return S3AsyncClient.class.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private Object call(Method m, Object... args) throws Throwable {
    try {
      return m.invoke(async, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Object await(CompletableFuture<?> future) throws Throwable {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static byte[] bytes(RequestBody body) {
    try (InputStream in = body.contentStreamProvider().newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
