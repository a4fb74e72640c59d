/**
 * The plugin host: how the kernel finds, loads, isolates and starts PF4J plugins. {@link
 * dev.kindling.kernel.plugin.PluginHost} is the only entry point.
 *
 * <h2>What counts as a plugin</h2>
 *
 * <p>Every {@code *.jar} and {@code *.zip} in the plugins directory (not hidden, in file name
 * order). A jar is one class path entry and carries its descriptor in {@code META-INF/MANIFEST.MF}
 * ({@code Plugin-Id}, {@code Plugin-Version}, optional {@code Plugin-Requires}, {@code
 * Plugin-Class}, {@code Plugin-Dependencies}, ...). A zip holds {@code classes/} and {@code
 * lib/*.jar} with the descriptor in {@code classes/META-INF/MANIFEST.MF} or a top-level {@code
 * plugin.properties}; it is unpacked into a temporary directory of the kernel's own, never beside
 * itself. Extensions are the classes listed in the plugin's own {@code META-INF/extensions.idx}
 * (PF4J's annotation processor writes it for {@code @Extension} classes) that implement one of the
 * extension points of {@code dev.kindling.api}. Extensions on the kernel's class path ("system
 * extensions" in PF4J) are never used.
 *
 * <h2>Compatibility</h2>
 *
 * <p>PF4J's system version is the plugin API version ({@code
 * dev/kindling/api/plugin-api.properties}, see {@link
 * dev.kindling.kernel.plugin.PluginHost#pluginApiVersion()}). A plugin whose {@code
 * Plugin-Requires} does not accept it is skipped before any of its classes load; a bare {@code
 * x.y.z} means {@code >=x.y.z}, as in PF4J.
 *
 * <h2>Class loading</h2>
 *
 * <p>Each plugin has its own class loader whose parent is the kernel's. The packages the kernel
 * shares with plugins, as ARCHITECTURE.md lists them ({@code dev.kindling.api}, {@code org.pf4j},
 * {@code org.slf4j}, {@code org.apache.spark}, {@code scala}, {@code py4j}), always come from the
 * kernel, even when a plugin bundles a copy: there is one {@code InterpreterFactory} and one {@code
 * SparkSession} class. A shared-package class the kernel does not have (the Scala compiler, say) is
 * taken from the plugin. Everything else is the plugin's first, then its dependencies', then the
 * kernel's (PF4J's plugin-first order), so a plugin may bundle its own Jackson.
 *
 * <h2>Failures</h2>
 *
 * <p>A plugin is used whole or not at all. An unreadable file, a missing descriptor, an
 * incompatible {@code Plugin-Requires}, a duplicate id, a missing dependency, a {@code
 * Plugin-Class} that fails to start, or an extension that is not in the plugin or fails to be
 * created skips that plugin (and the plugins depending on it) with a warning in the log and a
 * {@link dev.kindling.kernel.plugin.PluginProblem} naming the file and the reason; the other
 * plugins load as usual. Plugin code (its {@code Plugin-Class} and extension constructors) runs
 * with the plugin's class loader as the thread's context class loader.
 */
package dev.kindling.kernel.plugin;
