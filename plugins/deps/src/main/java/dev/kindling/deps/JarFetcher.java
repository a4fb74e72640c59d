package dev.kindling.deps;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Brings a jar from a local path, a {@code file:} URL or an {@code http(s):} URL into the jar cache
 * ({@code <cache>/jars/<hash of the location>/<name>}). A cached copy is reused unless {@code
 * force}; a new copy is written next to it and moved into place only once it is known to be a jar,
 * so a failed fetch leaves the cache as it was.
 */
final class JarFetcher {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final Path cache;
  private final HttpClient http;

  JarFetcher(Path cache) {
    this.cache = cache;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
  }

  /** A jar in the cache and where it came from. */
  record FetchedJar(Path file, String source, boolean reused) {}

  FetchedJar fetch(String location, boolean force) throws DependencyException, IOException {
    Source source = Source.parse(location);
    Path target = cache.resolve(hash(source.id())).resolve(source.fileName());
    if (!force && Files.isRegularFile(target)) {
      return new FetchedJar(target, source.id(), true);
    }
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(target.getParent(), "fetch-", ".part");
    try {
      if (source.remote()) {
        download(source.uri(), part);
      } else {
        copy(source.path(), part);
      }
      if (!JarFiles.isJar(part)) {
        throw new DependencyException(
            "NotAJar",
            source.id() + " is not a jar (a jar is a zip archive; this file is not one)");
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new FetchedJar(target, source.id(), false);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static void copy(Path from, Path to) throws DependencyException, IOException {
    if (!Files.exists(from)) {
      throw new DependencyException("JarNotFound", "no such file: " + from);
    }
    if (!Files.isRegularFile(from) || !Files.isReadable(from)) {
      throw new DependencyException("JarNotFound", "not a readable file: " + from);
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  private void download(URI uri, Path to) throws DependencyException, IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<Path> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofFile(to));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new DependencyException("JarUnreachable", "could not connect to " + uri + ": " + e, e);
    } catch (HttpTimeoutException e) {
      throw new DependencyException("JarUnreachable", "timed out downloading " + uri, e);
    } catch (IOException e) {
      throw new DependencyException("JarUnreachable", "could not download " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DependencyException("Interrupted", "download of " + uri + " interrupted", e);
    }
    if (response.statusCode() == 404 || response.statusCode() == 410) {
      throw new DependencyException(
          "JarNotFound", uri + " answered HTTP " + response.statusCode() + " (not found)");
    }
    if (response.statusCode() != 200) {
      throw new DependencyException(
          "JarUnreachable", uri + " answered HTTP " + response.statusCode());
    }
  }

  private static String hash(String id) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where a jar comes from: a local file or a remote URL. */
  private record Source(String id, URI uri, Path path) {

    static Source parse(String location) throws DependencyException {
      String lower = location.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        try {
          URI uri = new URI(location);
          if (uri.getHost() == null) {
            throw new URISyntaxException(location, "no host");
          }
          return new Source(uri.toString(), uri, null);
        } catch (URISyntaxException e) {
          throw new DependencyException("BadLocation", "not a valid URL: " + location, e);
        }
      }
      Path path;
      if (lower.startsWith("file:")) {
        try {
          path = Path.of(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
          throw new DependencyException(
              "BadLocation", "not a valid file: URL: " + location + " (" + e.getMessage() + ")", e);
        }
      } else if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")
          && !location.matches("[a-zA-Z]:.*")) {
        throw new DependencyException(
            "BadLocation",
            "unsupported location "
                + location
                + ": give a local path, a file: URL or an http(s): URL");
      } else {
        path = Path.of(location);
      }
      Path absolute = path.toAbsolutePath().normalize();
      return new Source(absolute.toUri().toString(), null, absolute);
    }

    boolean remote() {
      return uri != null;
    }

    String fileName() {
      String raw = remote() ? uri.getPath() : path.getFileName().toString();
      String name = raw == null ? "" : raw.substring(raw.lastIndexOf('/') + 1);
      name = name.replaceAll("[^A-Za-z0-9._+-]", "_");
      return name.isEmpty() || name.startsWith(".") ? "download.jar" : name;
    }
  }
}
