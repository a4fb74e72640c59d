package dev.kindling.api;

import java.util.Objects;

/**
 * What the kernel reports about an interpreter's language in {@code kernel_info_reply}.
 *
 * @param name language name, for example {@code scala}; notebooks match kernels on it
 * @param version language version, for example {@code 2.13.18}
 * @param mimetype MIME type of source files, for example {@code text/x-scala}
 * @param fileExtension file extension with its leading dot, for example {@code .scala}
 * @param pygmentsLexer Pygments lexer name used by nbconvert
 * @param codemirrorMode CodeMirror mode used by front ends for syntax highlighting
 */
public record LanguageInfo(
    String name,
    String version,
    String mimetype,
    String fileExtension,
    String pygmentsLexer,
    String codemirrorMode) {

  public LanguageInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(mimetype, "mimetype");
    Objects.requireNonNull(fileExtension, "fileExtension");
    if (!fileExtension.startsWith(".")) {
      throw new IllegalArgumentException("fileExtension must start with '.': " + fileExtension);
    }
    pygmentsLexer = pygmentsLexer == null ? name : pygmentsLexer;
    codemirrorMode = codemirrorMode == null ? name : codemirrorMode;
  }
}
