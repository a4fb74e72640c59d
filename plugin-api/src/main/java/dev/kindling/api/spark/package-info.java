/**
 * The kernel's Spark driver runtime as plugins see it: the shared {@link
 * dev.kindling.api.spark.SparkRuntime} (reached through {@link
 * dev.kindling.api.KernelContext#spark()}) and the {@link
 * dev.kindling.api.spark.SparkSettingsContributor} extension point.
 *
 * <p>These are the only types in plugin-api that mention Spark; plugin-api depends on spark-sql
 * with {@code provided} scope, and the kernel supplies Spark at run time.
 */
package dev.kindling.api.spark;
