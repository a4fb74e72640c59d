/**
 * The Jupyter messaging protocol (5.4, plus the 5.5 additions) over ZeroMQ.
 *
 * <p>{@link dev.kindling.protocol.Message} is one message as it travels; {@link
 * dev.kindling.protocol.WireCodec} turns messages into signed multipart frames and back; {@link
 * dev.kindling.protocol.ConnectionInfo} reads connection files; {@link
 * dev.kindling.protocol.MessageFactory} makes headers, replies and broadcasts for one session. The
 * same classes serve the kernel (which binds) and clients (which connect).
 */
package dev.kindling.protocol;
