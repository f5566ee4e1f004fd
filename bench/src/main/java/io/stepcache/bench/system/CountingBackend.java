package io.stepcache.bench.system;

import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import java.util.concurrent.atomic.AtomicLong;

/** A backend that counts the calls made through it (the real server does not report them). */
public final class CountingBackend implements Backend {

  private final Backend delegate;
  private final AtomicLong calls = new AtomicLong();

  public CountingBackend(Backend delegate) {
    this.delegate = delegate;
  }

  @Override
  public Generation generate(GenerationRequest request) {
    calls.incrementAndGet();
    return delegate.generate(request);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  /** Calls made so far, including failed ones. */
  public long calls() {
    return calls.get();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
