package dev.kindling.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell of SQL split into statements at the {@code ;} that are outside quotes ({@code '...'},
 * {@code "..."}, {@code `...`}) and comments ({@code -- ...}, {@code /* ... * /}, nested as Spark
 * allows), with what is left open at the end of the text: a quote, a comment or parentheses.
 *
 * @param statements the statements with code in them, in order (comment-only pieces are dropped)
 * @param openQuote the quote character still open at the end, or 0
 * @param openComment whether a block comment is still open at the end
 * @param parenDepth open parentheses at the end; negative when a {@code )} has no partner
 * @param terminated whether the last code of the text is a {@code ;}
 */
record SqlScript(
    List<Statement> statements,
    char openQuote,
    boolean openComment,
    int parenDepth,
    boolean terminated) {

  /**
   * One statement.
   *
   * @param text the statement without its {@code ;}
   * @param line the line of the cell the statement's text starts on, from 1
   */
  record Statement(String text, int line) {}

  /** Whether a quote, a block comment or a parenthesis is still open at the end. */
  boolean unbalanced() {
    return openQuote != 0 || openComment || parenDepth > 0;
  }

  static SqlScript parse(String code) {
    List<Statement> statements = new ArrayList<>();
    int start = 0;
    int line = 1;
    int startLine = 1;
    boolean hasCode = false;
    char quote = 0;
    int commentDepth = 0;
    int depth = 0;
    int minDepth = 0;
    boolean terminated = false;
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
      if (c == '\n') {
        line++;
      }
      if (quote != 0) {
        if (c == '\\' && quote != '`' && next != 0) {
          if (next == '\n') {
            line++;
          }
          i += 2;
          continue;
        }
        if (c == quote) {
          quote = 0;
        }
        i++;
        continue;
      }
      if (commentDepth > 0) {
        if (c == '*' && next == '/') {
          commentDepth--;
          i += 2;
        } else if (c == '/' && next == '*') {
          commentDepth++;
          i += 2;
        } else {
          i++;
        }
        continue;
      }
      if (c == '-' && next == '-') {
        int end = code.indexOf('\n', i);
        i = end < 0 ? code.length() : end;
        continue;
      }
      if (c == '/' && next == '*') {
        commentDepth = 1;
        i += 2;
        continue;
      }
      if (c == ';') {
        if (hasCode) {
          statements.add(new Statement(code.substring(start, i), startLine));
        }
        start = i + 1;
        startLine = line;
        hasCode = false;
        terminated = true;
        i++;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        if (!hasCode) {
          start = i;
          startLine = line;
        }
        hasCode = true;
        terminated = false;
        if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
          minDepth = Math.min(minDepth, depth);
        }
      }
      i++;
    }
    if (hasCode) {
      statements.add(new Statement(code.substring(start), startLine));
    }
    return new SqlScript(
        List.copyOf(statements),
        quote,
        commentDepth > 0,
        minDepth < 0 ? minDepth : depth,
        terminated);
  }
}
