package dev.taskforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void runsTasksOnVirtualThreadsExactlyWhenTheJdkHasThem() throws Throwable {
    boolean jdkHasVirtualThreads = Runtime.version().feature() >= 21;

    Thread worker = Concurrency.executor().submit(Thread::currentThread).get();

    assertThat(Concurrency.usesVirtualThreads()).isEqualTo(jdkHasVirtualThreads);
    assertThat(isVirtual(worker)).isEqualTo(jdkHasVirtualThreads);
  }

  private static boolean isVirtual(Thread t) throws Throwable {
    if (Runtime.version().feature() < 21) {
      return false;
    }
    return (boolean)
        MethodHandles.publicLookup()
            .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class))
            .invoke(t);
  }
}
