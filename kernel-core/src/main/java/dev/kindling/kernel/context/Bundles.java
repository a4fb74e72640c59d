package dev.kindling.kernel.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.api.MimeBundle;
import dev.kindling.protocol.Json;

/** Mime bundles in the protocol's shape. */
public final class Bundles {

  private Bundles() {}

  /** {@code data} and {@code metadata} of a bundle, added to {@code content}. */
  public static ObjectNode put(ObjectNode content, MimeBundle bundle) {
    content.set("data", Json.valueToTree(bundle.data()));
    content.set("metadata", Json.valueToTree(bundle.metadata()));
    return content;
  }
}
