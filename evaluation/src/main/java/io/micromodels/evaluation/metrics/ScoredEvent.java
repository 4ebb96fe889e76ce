package io.micromodels.evaluation.metrics;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A held-out decision event with its eventual label (as known at the evaluation date) and every
 * model's prediction: what the metrics, the gate and the report are computed from.
 *
 * @param day the event's date in the client's time zone (precision@k is per day)
 * @param region the client's region of the event's country, or "-" outside every region
 * @param segments the policy segments the event falls in, as {@code key=value} (e.g. {@code
 *     category=spirits}, {@code country=CA})
 * @param email the event's email address (shown in the report, HTML-escaped), may be null
 * @param fraud whether a fraud label for it was known at the evaluation date
 * @param labelTime when that label became known, or null
 * @param champion the production model's prediction, null without a champion
 * @param parent the global (parent) model's prediction, null without one
 * @param live the live system's {@code live_score}/{@code live_action}, null when the event has
 *     none
 */
public record ScoredEvent(
    String eventId,
    String customerId,
    Instant eventTime,
    LocalDate day,
    String region,
    List<String> segments,
    String email,
    double amount,
    boolean fraud,
    Instant labelTime,
    Prediction candidate,
    Prediction champion,
    Prediction parent,
    Prediction live)
    implements Serializable {
  public ScoredEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(region, "region");
    segments = List.copyOf(segments);
    Objects.requireNonNull(candidate, "candidate");
  }
}
