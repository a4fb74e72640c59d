/**
 * Jupyter kernelspecs for Kindling: what {@code kindling install} writes ({@link KernelSpec},
 * {@link KernelSpecFactory}), where it writes them ({@link JupyterPaths}) and how ({@link
 * KernelSpecWriter}).
 */
package dev.kindling.kernel.kernelspec;
