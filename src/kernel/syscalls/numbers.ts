/**
 * @fileoverview System call numbers for the `int 0x80` path (EAX on entry).
 * The plain-function path (calls.ts) needs none: a library OS just calls.
 */
@inline export const SYS_EXIT: i32 = 1;
@inline export const SYS_GETPID: i32 = 2;
@inline export const SYS_YIELD: i32 = 3;
@inline export const SYS_SLEEP: i32 = 4;
@inline export const SYS_KILL: i32 = 5;
@inline export const SYS_JOIN: i32 = 6;
@inline export const SYS_UPTIME: i32 = 7;

/** What an unknown system call number returns (Linux's -ENOSYS). */
@inline export const ENOSYS: i32 = -38;
