/**
 * The Kindling plugin API (v0): what third parties compile against to add interpreters, magics,
 * comm targets and display renderers to the kernel.
 *
 * <p>Extension points are {@link dev.kindling.api.InterpreterFactory}, {@link
 * dev.kindling.api.LineMagic}, {@link dev.kindling.api.CellMagic}, {@link
 * dev.kindling.api.CommTarget} and {@link dev.kindling.api.DisplayRenderer}. Each is a PF4J {@code
 * ExtensionPoint}: annotate the implementation with {@code @org.pf4j.Extension} and package it as a
 * PF4J plugin (jar or zip) in the kernel's {@code plugins/} directory. Everything the kernel offers
 * to plugins is reached through {@link dev.kindling.api.KernelContext}.
 *
 * <p>All positions in this API (cursor offsets, completion ranges) are Java {@code String} indices
 * (UTF-16 units); the kernel converts them to and from the protocol's Unicode code points. JSON
 * values are plain Java: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code
 * Number}, {@code Boolean} and {@code null}.
 */
package dev.kindling.api;
