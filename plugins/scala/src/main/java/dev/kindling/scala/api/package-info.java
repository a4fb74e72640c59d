/**
 * The {@code kernel} object that Scala cells see: displays, the cell's streams and input, comms,
 * magics, the shared data map and jars. Kept compatible with Apache Toree's {@code kernel} where
 * Toree had the same feature.
 */
package dev.kindling.scala.api;
