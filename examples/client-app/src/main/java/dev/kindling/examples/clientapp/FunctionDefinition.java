package dev.kindling.examples.clientapp;

/**
 * A function defined once in the kernel and then called through a comm: the Scala cell that defines
 * it and registers its comm target, and the target's name.
 *
 * <p>The function runs a Spark job on the kernel's long-lived session for every call: the sum of
 * the squares of 1..n. The target answers each message with the request's {@code _rpc_id}, so the
 * client library pairs replies with calls ({@code Comm.call}).
 *
 * @param code the Scala cell that defines the function and registers the comm target
 * @param targetName the comm target that applies the function to each message's data
 */
public record FunctionDefinition(String code, String targetName) {

  /** {@code sumOfSquares(n)} on Spark, served by the comm target {@code sum-of-squares}. */
  public static FunctionDefinition sumOfSquares() {
    String code =
        String.join(
            "\n",
            "def sumOfSquares(n: Long): Long =",
            "  spark.range(1, n + 1).selectExpr(\"sum(id * id)\").first().getLong(0)",
            "",
            "kernel.comm.register(\"sum-of-squares\").addMsgHandler { (comm, _, data) =>",
            "  val n = data.get(\"n\").toString.toLong",
            "  comm.send(java.util.Map.of(",
            "    \"_rpc_id\", data.get(\"_rpc_id\"), \"result\", Long.box(sumOfSquares(n))))",
            "}",
            "println(\"sumOfSquares is ready\")");
    return new FunctionDefinition(code, "sum-of-squares");
  }
}
