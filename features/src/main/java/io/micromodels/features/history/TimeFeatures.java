package io.micromodels.features.history;

import io.micromodels.features.config.NightHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local-time features of an event in the client's time zone (java.time handles DST: the local hour
 * of an instant is what a clock on the wall showed).
 *
 * @param hour local hour 0-23
 * @param weekend 1 on Saturday and Sunday, else 0
 * @param night 1 in the client's night hours (by default 22:00 to 05:59 local time), else 0
 */
public record TimeFeatures(int hour, int weekend, int night) {
  /** With the default night hours. */
  public static TimeFeatures of(Instant time, ZoneId zone) {
    return of(time, zone, NightHours.DEFAULT);
  }

  public static TimeFeatures of(Instant time, ZoneId zone, NightHours nightHours) {
    ZonedDateTime local = time.atZone(zone);
    int hour = local.getHour();
    DayOfWeek day = local.getDayOfWeek();
    int weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1 : 0;
    return new TimeFeatures(hour, weekend, nightHours.contains(hour) ? 1 : 0);
  }
}
