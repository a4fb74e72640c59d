/**
 * The kernel process's logging start: SLF4J is bound to log4j, but log4j starts only after the
 * kernel's first reply (see {@link dev.kindling.kernel.logging.StartupLogging}).
 */
package dev.kindling.kernel.logging;
