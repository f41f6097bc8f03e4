/** The parsed form of an expression (see docs/api/journey-design.md, "Expressions"). */
export type Literal = string | number | boolean | null;

export const COMPARE_OPS = ["=", "!=", ">", ">=", "<", "<=", "contains", "startsWith"] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export type Expr =
  | { type: "or"; items: Expr[] }
  | { type: "and"; items: Expr[] }
  | { type: "not"; expr: Expr }
  | { type: "compare"; path: string[]; op: CompareOp; value: Literal }
  | { type: "in"; path: string[]; values: Literal[] }
  | { type: "exists"; path: string[] };
