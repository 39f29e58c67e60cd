// Recursion: deep and branching call trees (fib, Ackermann), mutual
// recursion, and a binary search tree built and walked recursively.
import { print, printI32, println, showI32, showI64 } from "../lib/io";

function fib(n: i32): i32 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function fib64(n: i32): i64 {
  let previous: i64 = 0;
  let current: i64 = 1;
  for (let step = 0; step < n; step++) {
    const next = previous + current;
    previous = current;
    current = next;
  }
  return previous;
}

function ackermann(m: i32, n: i32): i32 {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}

function isEven(n: u32): bool {
  return n == 0 ? true : isOdd(n - 1);
}

function isOdd(n: u32): bool {
  return n == 0 ? false : isEven(n - 1);
}

function gcd(a: i64, b: i64): i64 {
  return b == 0 ? a : gcd(b, a % b);
}

class TreeNode {
  left: TreeNode | null = null;
  right: TreeNode | null = null;
  constructor(public key: i32) {}
}

function insert(node: TreeNode | null, key: i32): TreeNode {
  if (node === null) return new TreeNode(key);
  if (key < node.key) node.left = insert(node.left, key);
  else if (key > node.key) node.right = insert(node.right, key);
  return node;
}

function depth(node: TreeNode | null): i32 {
  if (node === null) return 0;
  return 1 + max(depth(node.left), depth(node.right));
}

function sum(node: TreeNode | null): i32 {
  return node === null ? 0 : node.key + sum(node.left) + sum(node.right);
}

function printInOrder(node: TreeNode | null): void {
  if (node === null) return;
  printInOrder(node.left);
  print(" ");
  printI32(node.key);
  printInOrder(node.right);
}

export function _start(): void {
  println("-- fib");
  for (let n = 0; n <= 20; n += 5) showI32("fib", fib(n));
  showI64("fib64(90)", fib64(90));
  println("-- ackermann");
  showI32("A(1, 5)", ackermann(1, 5));
  showI32("A(2, 3)", ackermann(2, 3));
  showI32("A(3, 3)", ackermann(3, 3));
  println("-- mutual recursion");
  showI32("isEven(1000)", isEven(1000) ? 1 : 0);
  showI32("isOdd(777)", isOdd(777) ? 1 : 0);
  showI64("gcd(2^40 * 3, 6^20)", gcd((<i64>1 << 40) * 3, 3656158440062976));
  println("-- tree");
  let root: TreeNode | null = null;
  let key: u32 = 7;
  for (let count = 0; count < 31; count++) {
    key = (key * 75 + 74) % 65537; // the ZX81 generator
    root = insert(root, <i32>key);
  }
  print("in order:");
  printInOrder(root);
  println();
  showI32("depth", depth(root));
  showI32("sum", sum(root));
  // Ends by returning from _start, which exits with 0.
}
