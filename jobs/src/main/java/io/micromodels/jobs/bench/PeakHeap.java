package io.micromodels.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples this JVM's heap use every 50 ms while work runs. In local mode the driver is also the
 * executor, so this is the peak of both.
 */
final class PeakHeap implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peak;

  PeakHeap() {
    System.gc();
    sampler =
        new Thread(
            () -> {
              while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "peak-heap");
    sampler.setDaemon(true);
    sampler.start();
  }

  long peakBytes() {
    return peak;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
