/**
 * A test-only PF4J plugin (never shipped): the {@code kindling-test} language plus one extension of
 * every other kind, so that the kernel can be tested end to end without Spark, Scala, Python or R.
 *
 * <p>The build compiles this package on its own and packages it as {@code
 * kernel-core/target/test-plugins/kindling-test-plugin.jar} (Plugin-Id {@code kindling-test}), with
 * the {@code META-INF/extensions.idx} that PF4J's annotation processor writes for the
 * {@code @Extension} classes here. Run a kernel with {@code --plugins-dir
 * kernel-core/target/test-plugins --default-interpreter test} to use it.
 *
 * <p>A {@code kindling-test} cell is a list of lines, each {@code COMMAND [ARGUMENT]}; see {@link
 * dev.kindling.kernel.testplugin.TestCommand} for the commands.
 */
package dev.kindling.kernel.testplugin;
