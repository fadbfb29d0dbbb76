package io.s3wire.server.internal.s3;

import io.s3wire.server.ObjectStore;
import io.s3wire.server.RequestObserver;
import io.s3wire.server.ServerLimits;
import io.s3wire.server.ServerProfile;
import io.s3wire.server.internal.auth.Authenticator;
import io.s3wire.server.internal.auth.Users;
import io.s3wire.server.internal.fault.FaultEngine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What every operation may use: the store, the profile, the authenticator, fault rules, observers,
 * limits, the server's clock (which tests may skew), the worker pool for store I/O and the users.
 */
public record ServerContext(
    ObjectStore store,
    ServerProfile profile,
    Authenticator authenticator,
    FaultEngine faults,
    List<RequestObserver> observers,
    ServerLimits limits,
    Clock clock,
    ExecutorService workers,
    Users users) {

  /** A context for a single-user server (or an anonymous one). */
  public ServerContext(ObjectStore store, ServerProfile profile, Authenticator authenticator, FaultEngine faults,
      List<RequestObserver> observers, ServerLimits limits, Clock clock, ExecutorService workers) {
    this(store, profile, authenticator, faults, observers, limits, clock, workers, new Users(List.of()));
  }
}
