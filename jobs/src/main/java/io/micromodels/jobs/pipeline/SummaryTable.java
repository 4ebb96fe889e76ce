package io.micromodels.jobs.pipeline;

import io.micromodels.evaluation.backtest.StageTimes;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The pipelines' per-client summary: columns padded to their widest cell, the last one free. */
final class SummaryTable {
  private SummaryTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    StringBuilder format = new StringBuilder();
    for (int i = 0; i < header.size() - 1; i++) {
      int column = i;
      int width =
          Math.max(
              header.get(i).length(),
              rows.stream().mapToInt(r -> r.get(column).length()).max().orElse(0));
      format.append("%-").append(width).append("s  ");
    }

    String row = format.append("%s%n").toString();
    StringBuilder out = new StringBuilder(String.format(row, header.toArray()));
    rows.forEach(r -> out.append(String.format(row, r.toArray())));
    return out.toString();
  }

  /** "ingest 12.0 s, features 3.1 s, ...": the stages that ran, in order. */
  static String stages(StageTimes times) {
    return times.seconds().entrySet().stream()
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f s", e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
