// Classes: inheritance, virtual methods resolved at run time, abstract
// methods, super calls, fields, getters, static members, generics and
// instanceof.
import { exit, print, printI32, println, show, showBool, showI32 } from "../lib/io";

abstract class Shape {
  static created: i32 = 0;

  constructor(public name: string) {
    Shape.created++;
  }

  abstract area(): i32;

  perimeter(): i32 {
    return 0;
  }

  describe(): string {
    return this.name + " area=" + this.area().toString() + " perimeter=" + this.perimeter().toString();
  }
}

class Rectangle extends Shape {
  constructor(public width: i32, public height: i32) {
    super("rectangle");
  }

  area(): i32 {
    return this.width * this.height;
  }

  perimeter(): i32 {
    return 2 * (this.width + this.height);
  }
}

class Square extends Rectangle {
  constructor(side: i32) {
    super(side, side);
    this.name = "square";
  }

  describe(): string {
    return "[" + super.describe() + "]";
  }
}

class RightTriangle extends Shape {
  constructor(public base: i32, public height: i32) {
    super("triangle");
  }

  area(): i32 {
    return (this.base * this.height) / 2;
  }
}

class Counter {
  private count: i32 = 0;

  get value(): i32 {
    return this.count;
  }

  set value(next: i32) {
    this.count = next < 0 ? 0 : next;
  }

  increment(): Counter {
    this.count++;
    return this;
  }
}

class Stack<T> {
  private items: T[] = [];

  push(item: T): void {
    this.items.push(item);
  }

  pop(): T {
    return this.items.pop();
  }

  get size(): i32 {
    return this.items.length;
  }
}

function virtualDispatch(): void {
  println("-- virtual dispatch");
  const shapes: Shape[] = [new Rectangle(3, 4), new Square(5), new RightTriangle(6, 7), new Square(1)];
  let total = 0;
  for (let index = 0; index < shapes.length; index++) {
    const shape = shapes[index];
    println(shape.describe());
    total += shape.area();
  }
  showI32("total area", total);
  showI32("shapes created", Shape.created);
  showBool("shapes[1] instanceof Rectangle", shapes[1] instanceof Rectangle);
  showBool("shapes[2] instanceof Rectangle", shapes[2] instanceof Rectangle);
  showBool("shapes[1] instanceof Square", shapes[1] instanceof Square);
}

function accessorsAndGenerics(): void {
  println("-- accessors and generics");
  const counter = new Counter();
  counter.increment().increment().increment();
  showI32("counter", counter.value);
  counter.value = -10;
  showI32("counter after negative set", counter.value);
  const numbers = new Stack<i64>();
  for (let index: i64 = 1; index <= 5; index++) numbers.push(index << 40);
  showI32("stack size", numbers.size);
  print("popped high words:");
  while (numbers.size > 0) {
    print(" ");
    printI32(<i32>(numbers.pop() >> 32));
  }
  println();
  const names = new Stack<string>();
  names.push("first");
  names.push("second");
  show("popped", names.pop());
}

export function _start(): void {
  virtualDispatch();
  accessorsAndGenerics();
  exit(0);
}
