/**
 * The client side of the protocol: {@link dev.kindling.protocol.client.KernelConnection} connects
 * to a running kernel as jupyter_client does, for the client library, the sub-kernel proxy and
 * tests.
 */
package dev.kindling.protocol.client;
