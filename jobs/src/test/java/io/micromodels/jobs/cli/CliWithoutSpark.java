package io.micromodels.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Runs CLI commands in a fresh JVM, one per argument (words separated by '|'), and prints as
 * JSON each one's exit code and error output, then whether a SparkSession came to exist: a test
 * JVM's shared session would hide that ({@link HostileConfigsTest}).
 */
public final class CliWithoutSpark {
  private CliWithoutSpark() {}

  public static void main(String[] runs) throws Exception {
    PrintStream out = System.out;
    List<Map<String, Object>> results = new ArrayList<>();
    for (String run : runs) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = MicromodelsCli.execute(run.split("\\|"));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("run", run);
      result.put("exit", exit);
      result.put("err", err.toString(StandardCharsets.UTF_8));
      results.add(result);
    }

    Map<String, Object> report = new LinkedHashMap<>();
    report.put("runs", results);
    report.put("spark_session", SparkSession.getDefaultSession().isDefined()
        || SparkSession.getActiveSession().isDefined());
    out.println(new ObjectMapper().writeValueAsString(report));
  }
}
