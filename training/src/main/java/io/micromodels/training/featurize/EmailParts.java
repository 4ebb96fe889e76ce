package io.micromodels.training.featurize;

/**
 * An email address split and normalised for featurizing: the local part (NFKC, lower case, any
 * {@code +tag} removed, at most {@value #MAX_LOCAL_CODE_POINTS} code points) and the domain (NFKC,
 * lower case, no trailing dot, at most {@value #MAX_DOMAIN_CHARS} chars). The split is at the last
 * {@code @} (or a form of it that NFKC folds into one); without one, the whole text is the local
 * part and the domain is empty.
 */
record EmailParts(String local, String domain) {
  /** RFC 5321 allows 64 octets in a local part; more carries no extra signal. */
  static final int MAX_LOCAL_CODE_POINTS = 64;

  /** RFC 1035 allows 255 octets in a domain name. */
  static final int MAX_DOMAIN_CHARS = 255;

  /** At most this many chars of the raw local part are read (before the tag is removed). */
  static final int MAX_RAW_LOCAL_CHARS = 256;

  /** The parts of a raw address, or null when it is null or blank. */
  static EmailParts parse(String raw) {
    if (raw == null) {
      return null;
    }

    String text = raw.strip();
    if (text.isEmpty()) {
      return null;
    }

    int at = lastAtSign(text);
    int localEnd = at < 0 ? text.length() : at;
    String local = TextForm.normalise(text, 0, localEnd, MAX_RAW_LOCAL_CHARS).strip();
    int plus = local.indexOf('+');
    if (plus >= 0) {
      local = local.substring(0, plus).strip();
    }

    if (local.codePointCount(0, local.length()) > MAX_LOCAL_CODE_POINTS) {
      local = local.substring(0, local.offsetByCodePoints(0, MAX_LOCAL_CODE_POINTS));
    }

    String domain =
        at < 0 ? "" : TextForm.normalise(text, at + 1, text.length(), MAX_DOMAIN_CHARS).strip();
    int end = domain.length();
    while (end > 0 && domain.charAt(end - 1) == '.') {
      end--;
    }

    return new EmailParts(local, domain.substring(0, end));
  }

  /**
   * The last {@code @}, or of the full-width and small forms that NFKC turns into one: the split
   * comes before normalising, so that a megabyte local part is never normalised in full.
   */
  private static int lastAtSign(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '@' || c == '\uff20' || c == '\ufe6b') {
        return i;
      }
    }

    return -1;
  }

  /** The top-level domain's start in {@link #domain()}, or -1 when the domain has no dot. */
  int tldStart() {
    int dot = domain.lastIndexOf('.');
    return dot < 0 ? -1 : dot + 1;
  }
}
