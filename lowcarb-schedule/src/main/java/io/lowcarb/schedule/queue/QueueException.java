package io.lowcarb.schedule.queue;

/** The queue's database could not be reached or refused an operation; the message says which. */
public final class QueueException extends RuntimeException {

  QueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
