package io.micromodels.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Candidates and backtests on disk for registry tests: the scorer's golden {@code model.json} (a
 * real trained model, re-labelled per client) and a {@code metrics.json} of the shape {@code
 * MetricsDocument} writes (fixtures/metrics.json, hand-written), plus a report and scores.
 */
public final class Candidates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where one candidate's files are. */
  public record CandidateFiles(Path modelJson, Path backtest) {}

  private Candidates() {}

  public static ClientModel model(String client) {
    ClientModel golden = ModelFormat.fromJson(resource("model.json"), "fixtures/model.json");
    return new ClientModel(
        golden.formatVersion(),
        client,
        golden.asOf(),
        golden.configHash(),
        golden.scoring(),
        golden.scale(),
        golden.policy(),
        golden.featureImportances(),
        golden.fallback(),
        golden.training());
  }

  /** metrics.json of a backtest whose gate passed. */
  public static ObjectNode passed(String client) {
    try {
      ObjectNode m = (ObjectNode) JSON.readTree(resource("metrics.json"));
      m.put("client_id", client);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** metrics.json of a backtest whose gate blocked on pr_auc vs the champion. */
  public static ObjectNode blocked(String client) {
    ObjectNode m = passed(client);
    ObjectNode gate = (ObjectNode) m.get("gate");
    gate.put("passed", false);
    String why = "pr_auc 0.300 < champion 0.380 - 0.010";
    ((ArrayNode) gate.get("failures")).add(why);
    ObjectNode check = (ObjectNode) gate.get("checks").get(1);
    check.put("value", 0.30).put("passed", false).put("status", "fail").put("reason", why);
    return m;
  }

  /** Writes model.json and the backtest folder under {@code dir}. */
  public static CandidateFiles write(Path dir, String client, ObjectNode metrics) {
    try {
      Path model = dir.resolve("candidates").resolve(client).resolve(ModelFormat.FILE_NAME);
      ModelFormat.write(model(client), model);
      Path backtest = dir.resolve("backtests").resolve(client);
      Files.createDirectories(backtest);
      // Each written candidate is a distinct one (publish recognises a candidate it has seen).
      ObjectNode distinct = metrics.deepCopy().put("run_id", "backtest-" + UUID.randomUUID());
      Files.write(
          backtest.resolve("metrics.json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(distinct));
      Files.writeString(
          backtest.resolve("report.html"),
          "<!doctype html><title>" + client + "</title><p>backtest report</p>");
      Files.write(
          backtest.resolve("scores.csv.gz"), gzip("event_id,customer_id,score\ne1,c1,42\n"));
      return new CandidateFiles(model, backtest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    return bytes.toByteArray();
  }

  static String resource(String name) {
    try (InputStream in = Candidates.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
