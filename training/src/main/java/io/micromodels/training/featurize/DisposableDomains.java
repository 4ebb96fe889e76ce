package io.micromodels.training.featurize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The bundled list of disposable email domains (npm {@code disposable-email-domains}, MIT; see
 * {@code NOTICE} beside the data files). A domain is disposable when it is listed exactly, or when
 * it or one of its parent domains is on the wildcard list ({@code *.33mail.com}). The lists are
 * read once, on first use.
 */
public final class DisposableDomains {
  static final String EXACT_RESOURCE = "disposable-domains.txt";
  static final String WILDCARD_RESOURCE = "disposable-wildcard-domains.txt";

  private DisposableDomains() {}

  /** Whether a normalised (lower-case, NFKC) domain is a disposable-mail domain; null is not. */
  public static boolean isDisposable(String domain) {
    if (domain == null || domain.isEmpty()) {
      return false;
    }

    if (Lists.EXACT.contains(domain)) {
      return true;
    }

    for (int from = 0; from >= 0; ) {
      if (Lists.WILDCARD.contains(domain.substring(from))) {
        return true;
      }

      int dot = domain.indexOf('.', from);
      from = dot < 0 ? -1 : dot + 1;
    }

    return false;
  }

  /** The number of exactly listed domains (for reports and tests). */
  public static int exactCount() {
    return Lists.EXACT.size();
  }

  /** Lazy holder: the JVM loads it, and reads the lists, on the first lookup. */
  private static final class Lists {
    static final Set<String> EXACT = read(EXACT_RESOURCE);
    static final Set<String> WILDCARD = read(WILDCARD_RESOURCE);

    private static Set<String> read(String resource) {
      InputStream in = DisposableDomains.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException(
            "missing bundled resource "
                + resource
                + " next to "
                + DisposableDomains.class.getName()
                + "; the jar is incomplete");
      }

      Set<String> domains = new HashSet<>();
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String domain = line.strip();
          if (!domain.isEmpty() && !domain.startsWith("#")) {
            domains.add(domain);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled resource " + resource, e);
      }

      return Set.copyOf(domains);
    }
  }
}
