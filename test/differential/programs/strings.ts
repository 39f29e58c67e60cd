// Strings: concatenation, slicing, searching, case mapping, splitting,
// number formatting. Every operation allocates, so this also runs the
// runtime's allocator and collector.
import { exit, println, show, showBool, showI32 } from "../lib/io";

function building(): void {
  println("-- building");
  const hello = "Hello";
  const world = "world";
  const greeting = hello + ", " + world + "!";
  show("concat", greeting);
  showI32("length", greeting.length);
  show("repeat", "ab".repeat(3));
  show("padStart", "42".padStart(6, "0"));
  show("padEnd", "42".padEnd(5, ".") + "|");
  show("fromCharCode", String.fromCharCode(0x41, 0x53));
  let built = "";
  for (let index = 0; index < 10; index++) built += String.fromCharCode(0x30 + index);
  show("built", built);
  show("template", `${hello} has ${hello.length} letters`);
}

function slicingAndSearching(): void {
  println("-- slicing");
  const text = "the quick brown fox jumps over the lazy dog";
  show("substring(4, 9)", text.substring(4, 9));
  show("substring(9, 4)", text.substring(9, 4));
  show("slice(-8)", text.slice(-8));
  show("slice(4, -30)", text.slice(4, -30));
  showI32("indexOf(fox)", text.indexOf("fox"));
  showI32("indexOf(the, 1)", text.indexOf("the", 1));
  showI32("lastIndexOf(o)", text.lastIndexOf("o"));
  showI32("indexOf(cat)", text.indexOf("cat"));
  showBool("includes(lazy)", text.includes("lazy"));
  showBool("startsWith(the)", text.startsWith("the"));
  showBool("endsWith(cat)", text.endsWith("cat"));
  showI32("charCodeAt(4)", text.charCodeAt(4));
  show("at(-1)", text.at(-1));
  show("replace", text.replace("the", "a"));
  show("replaceAll", text.replaceAll("o", "0"));
  show("trim", "[" + "  padded\t ".trim() + "]");
}

function caseAndSplit(): void {
  println("-- case and split");
  show("toUpperCase", "Mixed Case 123".toUpperCase());
  show("toLowerCase", "Mixed Case 123".toLowerCase());
  const words = "alpha,beta,,gamma".split(",");
  showI32("split length", words.length);
  for (let index = 0; index < words.length; index++) show("  word", "<" + words[index] + ">");
  show("join", words.join("+"));
  showBool("alpha < beta", "alpha" < "beta");
  showBool("beta < alpha", "beta" < "alpha");
  showBool("abc == a+bc", "abc" == "a" + "bc");
  showI32("localeCompare", "b".localeCompare("a"));
}

function numbersToText(): void {
  println("-- numbers");
  show("i32 0", (0).toString());
  show("i32 -2147483648", i32.MIN_VALUE.toString());
  show("i32 123456789", (123456789).toString());
  show("u32 max", u32.MAX_VALUE.toString());
  show("i64 min", i64.MIN_VALUE.toString());
  show("u64 max", u64.MAX_VALUE.toString());
  show("i32 255 hex", (255).toString(16));
  show("i32 -255 binary", (-255).toString(2));
  show("u8 200", (<u8>200).toString());
  show("bool", true.toString());
  showI32("I32.parseInt(-98765)", I32.parseInt("-98765"));
  showI32("I32.parseInt(ff, 16)", I32.parseInt("ff", 16));
}

export function _start(): void {
  building();
  slicingAndSearching();
  caseAndSplit();
  numbersToText();
  exit(0);
}
