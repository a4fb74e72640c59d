/**
 * ZeroMQ plumbing shared by the kernel and clients, on JeroMQ.
 *
 * <p>{@link dev.kindling.protocol.zmq.Sockets} creates sockets configured as ipykernel configures
 * its own and moves multipart messages through them; {@link dev.kindling.protocol.zmq.Mailbox}
 * hands work from any thread to the one thread that owns a group of sockets, so that thread can
 * wait on its sockets and its mailbox in one poller. JeroMQ sockets are not thread-safe and break
 * when a thread using them is interrupted: only the owner thread may touch them.
 */
package dev.kindling.protocol.zmq;
