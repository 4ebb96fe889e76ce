package io.micromodels.features.config;

/**
 * The local hours a client counts as night for {@code time.night}: {@code from} inclusive to {@code
 * to} exclusive, wrapping around midnight when {@code from > to} (22 to 6 is 22:00-05:59). Per
 * client because "night" is a fraud signal only relative to when the client's customers normally
 * shop; the default keeps the hours every client had before it was configurable.
 *
 * @param from first night hour, 0-23
 * @param to first hour after the night, 0-23, different from {@code from}
 */
public record NightHours(int from, int to) implements java.io.Serializable {
  public static final String FROM = "from";
  public static final String TO = "to";

  /** 22:00-05:59, the hours {@code time.night} always had. */
  public static final NightHours DEFAULT = new NightHours(22, 6);

  public NightHours {
    if (from < 0 || from > 23 || to < 0 || to > 23) {
      throw new IllegalArgumentException("night hours are within 0..23: " + from + ".." + to);
    }

    if (from == to) {
      throw new IllegalArgumentException("an empty or whole-day night: from == to == " + from);
    }
  }

  /** Whether local hour {@code hour} (0-23) is a night hour. */
  public boolean contains(int hour) {
    return from < to ? hour >= from && hour < to : hour >= from || hour < to;
  }
}
