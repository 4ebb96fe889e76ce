package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code micromodels clients}: a prevented_asserts gate without an assertions file is named. */
class ClientsCommandTest {
  @TempDir Path dir;

  @Test
  void aClientWithoutAnAssertionsFileIsNamedAndTheOthersAreNot() throws IOException {
    String policy = "policy: {global_threshold: {prevent_at: 80}}\n";
    Files.writeString(dir.resolve("bare.yaml"), "client_id: bare\n" + policy);
    Files.writeString(
        dir.resolve("ungated.yaml"),
        "client_id: ungated\n" + policy + "gates: [{metric: pr_auc, max_drop: 0.02}]\n");
    Files.writeString(dir.resolve("asserted.csv"), "customer_id\ncu-1\n");
    Files.writeString(
        dir.resolve("asserted.yaml"),
        "client_id: asserted\n" + policy + "assertions: asserted.csv\n");

    StringWriter out = new StringWriter();
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("clients", dir.toString())).isZero();

    assertThat(out.toString())
        .contains(
            "note: client bare has no `assertions` file: its prevented_asserts gate cannot"
                + " be measured and blocks every release; configure one or remove the gate")
        .doesNotContain("client ungated has no")
        .doesNotContain("client asserted has no")
        .contains("3 client config(s) valid in " + dir);
  }
}
