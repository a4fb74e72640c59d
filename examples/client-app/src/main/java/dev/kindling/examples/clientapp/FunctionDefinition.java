package dev.kindling.examples.clientapp;

/**
 * A function defined once in the kernel and then called through a comm: the code that defines it
 * (and registers its comm target), and the target's name.
 *
 * @param language the kernel language the code is written in
 * @param code the cell that defines the function and registers the comm target
 * @param targetName the comm target that applies the function to each message's data
 */
public record FunctionDefinition(String language, String code, String targetName) {

  /**
   * The test language of Kindling's test plugin: its {@code rpc-echo} target is built in and
   * answers {@code {"x": n}} with {@code {"square": n * n}}, so the "definition" only says so.
   */
  public static FunctionDefinition testLanguage() {
    return new FunctionDefinition("kindling-test", "print square(x) = x * x is ready", "rpc-echo");
  }

  /**
   * Scala, once the Scala interpreter and {@code kernel.comm.register} land (issue 8, item 2): the
   * cell defines the function and a target that replies with the same {@code _rpc_id}. The exact
   * API of {@code kernel.comm} is the Scala plugin's; adjust this cell to it.
   */
  public static FunctionDefinition scala() {
    String code =
        String.join(
            "\n",
            "def square(x: Long): Long = x * x",
            "kernel.comm.register(\"square\") { (comm, data) =>",
            "  comm.send(Map(\"_rpc_id\" -> data(\"_rpc_id\"),"
                + " \"square\" -> square(data(\"x\").toString.toLong)))",
            "}");
    return new FunctionDefinition("scala", code, "square");
  }
}
