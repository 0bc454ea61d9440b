;; Text kernels on 128-bit WebAssembly SIMD, driven by simd.kernel.ts. Assembled at build time
;; by scripts/build-wasm.mjs (wabt). Exactness is pinned by running every kernel test against
;; this module and against the JS kernels, which follow the same rules (general.kernel.ts).
;;
;; Memory (imported), laid out by the driver except for the first two areas:
;;   [0, 65536)      class bits of U+0000..U+FFFF (CLASS_* of unicode-tables.ts), copied from
;;                   the JS table, so that both kernels read the same Unicode data;
;;   [65536, 66048)  16-byte constants (the data segments below);
;;   then            records, one 40-byte record per segment: start and end (addresses), then
;;                   the seven counts in METRICS order and the edge flags, written by the
;;                   kernels at the address each call is given;
;;   the text        anywhere past those, preceded by at least 1 byte and followed by at least
;;                   64 bytes that may be read but never count.
;; Every instance writes the same table and constants, so instances sharing one memory agree.
;; The text must be valid UTF-8 and segments should start and end at code-point boundaries, so
;; that a code point never runs past its segment. The copying driver's caller checks both before
;; a call; the in-place driver checks the boundaries after it, while they are in cache: with a
;; bad boundary the counts are wrong (and discarded), but every read stays in the memory (at
;; most 64 bytes past the end; the scan for the last code point may go back before the start,
;; no further than address 0, whose table byte is no continuation byte), and every loop ends.
;;
;; Constants are loaded into locals before the loops: V8 rebuilds an inline v128.const from
;; immediates at every use (three instructions), which the hot loops cannot afford.
(module
  ;; Class bits of an astral code point; the JS table builds those planes on first use.
  (import "env" "astral" (func $astral (param i32) (result i32)))
  ;; Shared, so that one memory holding the resident corpus serves every worker thread's instance
  ;; (see corpus-memory.ts); the driver sizes it, and 65536 pages (4 GiB) is wasm32's ceiling.
  (import "env" "memory" (memory 1 65536 shared))
  (data (i32.const 65536) "\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f\3f") ;; 0 $kUpBias: upper bias: maps "A".."Z" onto -128..-103
  (data (i32.const 65552) "\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a\9a") ;; 16 $k26: below it: 26 values from -128 (letters)
  (data (i32.const 65568) "\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f\1f") ;; 32 $kLowBias: lower bias: maps "a".."z" onto -128..-103
  (data (i32.const 65584) "\50\50\50\50\50\50\50\50\50\50\50\50\50\50\50\50") ;; 48 $kDigBias: digit bias: maps "0".."9" onto -128..-119
  (data (i32.const 65600) "\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a\8a") ;; 64 $k10: below it: 10 values from -128 (digits)
  (data (i32.const 65616) "\09\09\09\09\09\09\09\09\09\09\09\09\09\09\09\09") ;; 80 $kTab: below it: non-ASCII bytes (negative) and 0x00..0x08
  (data (i32.const 65632) "\72\72\72\72\72\72\72\72\72\72\72\72\72\72\72\72") ;; 96 $kCtlBias: control bias: maps 0x0e..0x1b onto -128..-115
  (data (i32.const 65648) "\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e\8e") ;; 112 $k14: below it: 14 values from -128 (0x0e..0x1b)
  (data (i32.const 65664) "\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21\21") ;; 128 $kPastSpace: below it, in a plain block: exactly Python's ASCII whitespace
  (data (i32.const 65680) "\76\76\76\76\76\76\76\76\76\76\76\76\76\76\76\76") ;; 144 $kBrkBias: break bias: maps 0x0a..0x1e onto -128..-108
  (data (i32.const 65696) "\95\95\95\95\95\95\95\95\95\95\95\95\95\95\95\95") ;; 160 $k21: below it: 21 values from -128 (0x0a..0x1e)
  (data (i32.const 65712) "\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a\0a") ;; 176 $kLf: "\n"
  (data (i32.const 65728) "\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d\0d") ;; 192 $kCr: "\r"
  (data (i32.const 65744) "\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf\bf") ;; 208 $kLast: above it: bytes that start a code point (not 0x80..0xbf)
  (data (i32.const 65760) "\00\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f") ;; 224 $kIota: lane numbers
  (data (i32.const 65776) "\01\02\04\08\10\20\40\80\01\02\04\08\10\20\40\80") ;; 240 $kBits: lane's bit of a byte
  ;; Class bits of the code point that starts at $q.
  (func $classAt (param $q i32) (result i32)
    (local $b i32)
    (local.set $b (i32.load8_u (local.get $q)))
    (if (i32.lt_u (local.get $b) (i32.const 0x80))
      (then (return (i32.load8_u (local.get $b)))))
    (if (i32.lt_u (local.get $b) (i32.const 0xe0))
      (then
        (return
          (i32.load8_u
            (i32.or
              (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
              (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f)))))))
    (if (i32.lt_u (local.get $b) (i32.const 0xf0))
      (then
        (return
          (i32.load8_u
            (i32.or
              (i32.or
                (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                (i32.shl (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f))
                  (i32.const 6)))
              (i32.and (i32.load8_u offset=2 (local.get $q)) (i32.const 0x3f)))))))
    (call $astral
      (i32.or
        (i32.or
          (i32.shl (i32.and (local.get $b) (i32.const 0x07)) (i32.const 18))
          (i32.shl (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f))
            (i32.const 12)))
        (i32.or
          (i32.shl (i32.and (i32.load8_u offset=2 (local.get $q)) (i32.const 0x3f))
            (i32.const 6))
          (i32.and (i32.load8_u offset=3 (local.get $q)) (i32.const 0x3f))))))

  ;; Sums of the 16 unsigned byte lanes of six accumulators in one call: the lanes of
  ;; $a $b $c $d as lanes 0..3 of the first result, those of $e $f as lanes 0 and 1 of the
  ;; second (pairwise sums and two transposing shuffles, no per-accumulator reduction).
  (func $sums6 (param $a v128) (param $b v128) (param $c v128) (param $d v128)
    (param $e v128) (param $f v128) (result v128 v128)
    (local $ab v128) (local $cd v128) (local $ef v128)
    (local.set $a (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $a))))
    (local.set $b (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $b))))
    (local.set $c (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $c))))
    (local.set $d (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $d))))
    (local.set $e (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $e))))
    (local.set $f (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $f))))
    ;; [a0+a1, a2+a3, b0+b1, b2+b3], then [a, b, c, d].
    (local.set $ab
      (i32x4.add
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $a) (local.get $b))
        (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $a) (local.get $b))))
    (local.set $cd
      (i32x4.add
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $c) (local.get $d))
        (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $c) (local.get $d))))
    (local.set $ef
      (i32x4.add
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $e) (local.get $f))
        (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $e) (local.get $f))))
    (i32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $ab) (local.get $cd))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $ab) (local.get $cd)))
    (i32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 0 1 2 3 8 9 10 11 (local.get $ef) (local.get $ef))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 4 5 6 7 12 13 14 15 (local.get $ef) (local.get $ef))))

  ;; Capitals and code points of the first $left (at most 64) bytes at $p, when some of them
  ;; are not ASCII; the caller counts their ASCII capitals. Code points are the bytes that
  ;; are not continuation bytes; each non-ASCII one is looked up, two-byte ones (most of the
  ;; non-ASCII in mail) decoded inline. A function of its own so that the caller's loop holds
  ;; no value across a call on its common path.
  (func $nonAsciiStep (param $p i32) (param $left i32) (result i32 i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $kLast v128)
    (local $starts i64) (local $m i64) (local $caps i32) (local $q i32) (local $byte i32)
    (local.set $kLast (v128.load offset=208 (i32.const 65536)))
    (local.set $a (v128.load (local.get $p)))
    (local.set $b (v128.load offset=16 (local.get $p)))
    (local.set $c (v128.load offset=32 (local.get $p)))
    (local.set $d (v128.load offset=48 (local.get $p)))
    ;; Lane k of block j is valid when 16j + k < $left: one scalar mask, no vector per block.
    (local.set $starts
      (i64.and
        (select (i64.const -1)
          (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $left))) (i64.const 1))
          (i32.ge_u (local.get $left) (i32.const 64)))
        (i64.or
          (i64.or
            (i64.extend_i32_u (i8x16.bitmask (i8x16.gt_s (local.get $a) (local.get $kLast))))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.gt_s (local.get $b) (local.get $kLast))))
              (i64.const 16)))
          (i64.or
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.gt_s (local.get $c) (local.get $kLast))))
              (i64.const 32))
            (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.gt_s (local.get $d) (local.get $kLast))))
              (i64.const 48))))))
    (local.set $m (i64.and (local.get $starts)
      (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $a))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $b))) (i64.const 16)))
          (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $c))) (i64.const 32)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $d))) (i64.const 48))))))
    (block $done
      (loop $lead
        (br_if $done (i64.eqz (local.get $m)))
        (local.set $q (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $m)))))
        (local.set $byte (i32.load8_u (local.get $q)))
        (local.set $caps
          (i32.add (local.get $caps)
            (i32.and (i32.const 1)
              (if (result i32) (i32.lt_u (local.get $byte) (i32.const 0xf0))
                ;; Two- and three-byte code points both decoded, one picked: no branch to mispredict
                ;; on text that mixes them (the third byte may lie past a two-byte one: never counted).
                (then
                  (i32.load8_u
                    (select
                      (i32.or
                        (i32.shl (i32.and (local.get $byte) (i32.const 0x0f)) (i32.const 12))
                        (i32.or
                          (i32.shl (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f)) (i32.const 6))
                          (i32.and (i32.load8_u offset=2 (local.get $q)) (i32.const 0x3f))))
                      (i32.or
                        (i32.shl (i32.and (local.get $byte) (i32.const 0x1f)) (i32.const 6))
                        (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f)))
                      (i32.ge_u (local.get $byte) (i32.const 0xe0)))))
                (else (call $classAt (local.get $q)))))))
        (local.set $m (i64.and (local.get $m) (i64.sub (local.get $m) (i64.const 1))))
        (br $lead)))
    (local.get $caps)
    (i32.wrap_i64 (i64.popcnt (local.get $starts))))

  ;; CAPITALS and CHARACTERS of $n records at $records, 64 bytes a step. ASCII capitals are
  ;; counted by compare in every block, whatever else it holds (no non-ASCII byte falls in
  ;; "A".."Z"); a step with a non-ASCII byte, a few % of steps in mail, is handed to
  ;; $nonAsciiStep for its code points and non-ASCII capitals. The last 0..63 bytes take the
  ;; same path with the lanes past the end masked off.
  (func (export "caps") (param $records i32) (param $n i32)
    (local $r i32) (local $last i32) (local $p i32) (local $end i32) (local $left i32)
    (local $caps i32) (local $chars i32) (local $iters i32) (local $dCaps i32) (local $dChars i32)
    (local $acc v128) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $w v128) (local $kUpBias v128) (local $k26 v128) (local $kIota v128)
    (local.set $kUpBias (v128.load offset=0 (i32.const 65536)))
    (local.set $k26 (v128.load offset=16 (i32.const 65536)))
    (local.set $kIota (v128.load offset=224 (i32.const 65536)))
    (local.set $r (local.get $records))
    (local.set $last (i32.add (local.get $records) (i32.mul (local.get $n) (i32.const 40))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $last)))
        (local.set $p (i32.load (local.get $r)))
        (local.set $end (i32.load offset=4 (local.get $r)))
        (local.set $caps (i32.const 0))
        (local.set $chars (i32.const 0))
        (local.set $acc (v128.const i64x2 0 0))
        ;; A byte lane of $acc gains at most 4 a step, so it is emptied into $caps every 63
        ;; steps; the tail adds at most 4 more.
        (local.set $iters (i32.const 63))
        ;; A step with a non-ASCII byte leaves the inner loop for $nonAsciiStep: with the call
        ;; outside it, the common path keeps its vectors in registers (V8 spills every value
        ;; live across a call, and would sink the capital count past a call inside the loop).
        (block $chunksDone
          (loop $steps
            (block $nonAscii
              (loop $chunk
                (br_if $chunksDone (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
                (local.set $a (v128.load (local.get $p)))
                (local.set $b (v128.load offset=16 (local.get $p)))
                (local.set $c (v128.load offset=32 (local.get $p)))
                (local.set $d (v128.load offset=48 (local.get $p)))
                (local.set $acc
                  (i8x16.sub
                    (i8x16.sub (local.get $acc) (i8x16.add (i8x16.lt_s (i8x16.add (local.get $a) (local.get $kUpBias)) (local.get $k26)) (i8x16.lt_s (i8x16.add (local.get $b) (local.get $kUpBias)) (local.get $k26))))
                    (i8x16.add (i8x16.lt_s (i8x16.add (local.get $c) (local.get $kUpBias)) (local.get $k26)) (i8x16.lt_s (i8x16.add (local.get $d) (local.get $kUpBias)) (local.get $k26)))))
                (local.set $iters (i32.sub (local.get $iters) (i32.const 1)))
                (br_if $nonAscii
                  (i8x16.bitmask
                    (v128.or (v128.or (local.get $a) (local.get $b))
                      (v128.or (local.get $c) (local.get $d)))))
                (local.set $chars (i32.add (local.get $chars) (i32.const 64)))
                (local.set $p (i32.add (local.get $p) (i32.const 64)))
                (br_if $chunk (local.get $iters))
                (local.set $w (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $acc))))
                (local.set $caps
                  (i32.add (local.get $caps)
                    (i32.add
                      (i32.add (i32x4.extract_lane 0 (local.get $w)) (i32x4.extract_lane 1 (local.get $w)))
                      (i32.add (i32x4.extract_lane 2 (local.get $w)) (i32x4.extract_lane 3 (local.get $w))))))
                (local.set $acc (v128.const i64x2 0 0))
                (local.set $iters (i32.const 63))
                (br $chunk)))
            (call $nonAsciiStep (local.get $p) (i32.const 64))
            (local.set $dChars)
            (local.set $dCaps)
            (local.set $caps (i32.add (local.get $caps) (local.get $dCaps)))
            (local.set $chars (i32.add (local.get $chars) (local.get $dChars)))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (if (i32.eqz (local.get $iters)) (then (local.set $w (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $acc))))
                (local.set $caps
                  (i32.add (local.get $caps)
                    (i32.add
                      (i32.add (i32x4.extract_lane 0 (local.get $w)) (i32x4.extract_lane 1 (local.get $w)))
                      (i32.add (i32x4.extract_lane 2 (local.get $w)) (i32x4.extract_lane 3 (local.get $w))))))
                (local.set $acc (v128.const i64x2 0 0))
                (local.set $iters (i32.const 63))))
            (br $steps)))
        (local.set $left (i32.sub (local.get $end) (local.get $p)))
        (if (local.get $left)
          (then
            ;; Lane k of block j is valid when 16j + k < $left; masked-off lanes become 0,
            ;; which is no capital and no non-ASCII byte.
            (local.set $a
              (v128.and (v128.load (local.get $p))
                (i8x16.gt_s (i8x16.splat (local.get $left)) (local.get $kIota))))
            (local.set $b
              (v128.and (v128.load offset=16 (local.get $p))
                (i8x16.gt_s (i8x16.splat (i32.sub (local.get $left) (i32.const 16))) (local.get $kIota))))
            (local.set $c
              (v128.and (v128.load offset=32 (local.get $p))
                (i8x16.gt_s (i8x16.splat (i32.sub (local.get $left) (i32.const 32))) (local.get $kIota))))
            (local.set $d
              (v128.and (v128.load offset=48 (local.get $p))
                (i8x16.gt_s (i8x16.splat (i32.sub (local.get $left) (i32.const 48))) (local.get $kIota))))
            (local.set $acc
              (i8x16.sub
                (i8x16.sub (local.get $acc) (i8x16.add (i8x16.lt_s (i8x16.add (local.get $a) (local.get $kUpBias)) (local.get $k26)) (i8x16.lt_s (i8x16.add (local.get $b) (local.get $kUpBias)) (local.get $k26))))
                (i8x16.add (i8x16.lt_s (i8x16.add (local.get $c) (local.get $kUpBias)) (local.get $k26)) (i8x16.lt_s (i8x16.add (local.get $d) (local.get $kUpBias)) (local.get $k26)))))
            (if (i8x16.bitmask
                  (v128.or (v128.or (local.get $a) (local.get $b))
                    (v128.or (local.get $c) (local.get $d))))
              (then
                (call $nonAsciiStep (local.get $p) (local.get $left))
                (local.set $dChars)
                (local.set $dCaps)
                (local.set $caps (i32.add (local.get $caps) (local.get $dCaps)))
                (local.set $chars (i32.add (local.get $chars) (local.get $dChars))))
              (else (local.set $chars (i32.add (local.get $chars) (local.get $left)))))))
        (local.set $w (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $acc))))
        (i32.store offset=8 (local.get $r)
          (i32.add (local.get $caps)
            (i32.add
              (i32.add (i32x4.extract_lane 0 (local.get $w)) (i32x4.extract_lane 1 (local.get $w)))
              (i32.add (i32x4.extract_lane 2 (local.get $w)) (i32x4.extract_lane 3 (local.get $w))))))
        (i32.store offset=32 (local.get $r) (local.get $chars))
        (local.set $r (i32.add (local.get $r) (i32.const 40)))
        (br $next))))

  ;; Every metric and the edge flags of $n records at $records, by the rules of
  ;; general.kernel.ts. Runs of plain 16-byte blocks (ASCII without the control bytes
  ;; 0x00..0x08 and 0x0e..0x1b, so that whitespace and line breaks are single ranges) go
  ;; through SIMD in two passes, each with few enough live vectors to stay in registers; the
  ;; first unusual code point, and the last bytes, go one code point at a time. The word and
  ;; "\r\n" state crosses between the two.
  (func (export "all") (param $records i32) (param $n i32)
    (local $r i32) (local $lastRecord i32) (local $budget i32)
    (local $start i32) (local $end i32) (local $p i32) (local $q i32) (local $stop i32)
    (local $unusual i32) (local $simd i32) (local $left i32) (local $k i32) (local $blocks i32)
    (local $high i32) (local $cont i32) (local $spBits i32) (local $m i32)
    (local $upper i32) (local $lower i32) (local $digits i32) (local $spaces i32)
    (local $words i32) (local $breaks i32) (local $chars i32)
    (local $prevSpace i32) (local $prevCr i32) (local $b i32) (local $cls i32) (local $s i32)
    (local $first i32) (local $lastCls i32) (local $edges i32) (local $lines i32)
    (local $v v128) (local $sp v128) (local $prevSp v128) (local $valid v128)
    (local $f0 v128) (local $f1 v128) (local $w v128) (local $runStart i32)
    (local $aUp v128) (local $aLow v128) (local $aDig v128)
    (local $aSp v128) (local $aWord v128) (local $aBrk v128)
    (local $kUpBias v128) (local $k26 v128) (local $kLowBias v128) (local $kDigBias v128)
    (local $k10 v128) (local $kTab v128) (local $kCtlBias v128) (local $k14 v128)
    (local $kPastSpace v128) (local $kBrkBias v128) (local $k21 v128) (local $kLf v128)
    (local $kCr v128) (local $kIota v128) (local $kLast v128) (local $kBits v128)
    (local.set $kIota (v128.load offset=224 (i32.const 65536)))
    (local.set $kLast (v128.load offset=208 (i32.const 65536)))
    (local.set $kBits (v128.load offset=240 (i32.const 65536)))
    (local.set $kUpBias (v128.load offset=0 (i32.const 65536)))
    (local.set $k26 (v128.load offset=16 (i32.const 65536)))
    (local.set $kLowBias (v128.load offset=32 (i32.const 65536)))
    (local.set $kDigBias (v128.load offset=48 (i32.const 65536)))
    (local.set $k10 (v128.load offset=64 (i32.const 65536)))
    (local.set $kTab (v128.load offset=80 (i32.const 65536)))
    (local.set $kCtlBias (v128.load offset=96 (i32.const 65536)))
    (local.set $k14 (v128.load offset=112 (i32.const 65536)))
    (local.set $kPastSpace (v128.load offset=128 (i32.const 65536)))
    (local.set $kBrkBias (v128.load offset=144 (i32.const 65536)))
    (local.set $k21 (v128.load offset=160 (i32.const 65536)))
    (local.set $kLf (v128.load offset=176 (i32.const 65536)))
    (local.set $kCr (v128.load offset=192 (i32.const 65536)))
    (local.set $r (local.get $records))
    (local.set $lastRecord (i32.add (local.get $records) (i32.mul (local.get $n) (i32.const 40))))
    (block $allDone
      (loop $nextRecord
        (br_if $allDone (i32.ge_u (local.get $r) (local.get $lastRecord)))
        (local.set $start (i32.load (local.get $r)))
        (local.set $end (i32.load offset=4 (local.get $r)))
        (local.set $p (local.get $start))
        (local.set $upper (i32.const 0))
        (local.set $lower (i32.const 0))
        (local.set $digits (i32.const 0))
        (local.set $spaces (i32.const 0))
        (local.set $words (i32.const 0))
        (local.set $breaks (i32.const 0))
        (local.set $chars (i32.const 0))
        (local.set $edges (i32.const 0))
        (local.set $lines (i32.const 0))
        ;; Byte-lane accumulators gain at most 1 a block: emptied every 255 blocks and at the
        ;; segment's end.
        (local.set $aUp (v128.const i64x2 0 0))
        (local.set $aLow (v128.const i64x2 0 0))
        (local.set $aDig (v128.const i64x2 0 0))
        (local.set $aSp (v128.const i64x2 0 0))
        (local.set $aWord (v128.const i64x2 0 0))
        (local.set $aBrk (v128.const i64x2 0 0))
        (local.set $budget (i32.const 255))
        ;; The segment start acts as whitespace: a leading word counts here, and merging
        ;; takes it off again when the previous segment ended inside the same word.
        (local.set $prevSp (v128.const i64x2 -1 -1))
        ;; SIMD pairs "\r\n" by reading the byte before each block; before the first one
        ;; lies another segment, so a "\r" there sends the first code point the scalar way.
        (local.set $simd
          (i32.ne (i32.load8_u (i32.sub (local.get $start) (i32.const 1))) (i32.const 0x0d)))
        (loop $phases
          (local.set $q (local.get $p))
          (local.set $unusual (i32.const 0))
          (if (local.get $simd)
            (then
              ;; Pass 1 finds the run [$p, $q) of plain blocks, within the budget, and
              ;; counts capitals, lowercase and digits.
              ;; As many whole blocks as remain and the budget allows, counted down so that
              ;; the loop tests one register.
              (local.set $blocks (i32.shr_u (i32.sub (local.get $end) (local.get $q)) (i32.const 4)))
              (local.set $blocks
                (select (local.get $budget) (local.get $blocks)
                  (i32.gt_u (local.get $blocks) (local.get $budget))))
              (block $runDone
                (br_if $runDone (i32.eqz (local.get $blocks)))
                (loop $pass1
                  (local.set $v (v128.load (local.get $q)))
                  (local.set $unusual
                    (i8x16.bitmask
                      (v128.or (i8x16.lt_s (local.get $v) (local.get $kTab))
                        (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kCtlBias)) (local.get $k14)))))
                  (br_if $runDone (local.get $unusual))
                  (local.set $aUp
                    (i8x16.sub (local.get $aUp)
                      (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kUpBias)) (local.get $k26))))
                  (local.set $aLow
                    (i8x16.sub (local.get $aLow)
                      (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kLowBias)) (local.get $k26))))
                  (local.set $aDig
                    (i8x16.sub (local.get $aDig)
                      (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kDigBias)) (local.get $k10))))
                  (local.set $q (i32.add (local.get $q) (i32.const 16)))
                  (local.set $blocks (i32.sub (local.get $blocks) (i32.const 1)))
                  (br_if $pass1 (local.get $blocks))))
              (local.set $budget
                (i32.sub (local.get $budget)
                  (i32.shr_u (i32.sub (local.get $q) (local.get $p)) (i32.const 4))))
              (local.set $chars (i32.add (local.get $chars) (i32.sub (local.get $q) (local.get $p))))
              ;; Pass 2 over the same run: whitespace, words and line breaks. In a plain block
              ;; the bytes below 0x21 are exactly the ASCII whitespace and 0x0a..0x1e the
              ;; line breaks. The block one byte back gives each lane its predecessor, for
              ;; word starts and "\r\n" alike, with nothing carried between iterations; only
              ;; the run's first byte has a predecessor that may not be a whole ASCII code
              ;; point (or lies before the segment), and is corrected after the loop.
              (local.set $runStart (local.get $p))
              (block $pass2Done
                (loop $pass2
                  (br_if $pass2Done (i32.ge_u (local.get $p) (local.get $q)))
                  (local.set $v (v128.load (local.get $p)))
                  (local.set $w (v128.load (i32.sub (local.get $p) (i32.const 1))))
                  (local.set $sp (i8x16.lt_s (local.get $v) (local.get $kPastSpace)))
                  (local.set $aSp (i8x16.sub (local.get $aSp) (local.get $sp)))
                  ;; A word starts at a non-space after a space.
                  (local.set $aWord
                    (i8x16.sub (local.get $aWord)
                      (v128.andnot (i8x16.lt_s (local.get $w) (local.get $kPastSpace)) (local.get $sp))))
                  ;; A "\n" right after a "\r" closes the same line break.
                  (local.set $aBrk
                    (i8x16.add
                      (i8x16.sub (local.get $aBrk)
                        (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kBrkBias)) (local.get $k21)))
                      (v128.and (i8x16.eq (local.get $v) (local.get $kLf))
                        (i8x16.eq (local.get $w) (local.get $kCr)))))
                  (local.set $p (i32.add (local.get $p) (i32.const 16)))
                  (br $pass2)))
              (if (i32.gt_u (local.get $p) (local.get $runStart))
                (then
                  ;; The first lane counted a word start from the byte before it; the word
                  ;; state says what precedes it. Then the run's last byte is that state.
                  (local.set $s (i32.ge_u (i32.load8_u (local.get $runStart)) (i32.const 0x21)))
                  (local.set $words
                    (i32.add (local.get $words)
                      (i32.sub
                        (i32.and (local.get $s)
                          (i32.and (i8x16.extract_lane_u 15 (local.get $prevSp)) (i32.const 1)))
                        (i32.and (local.get $s)
                          (i32.lt_s (i32.load8_s (i32.sub (local.get $runStart) (i32.const 1)))
                            (i32.const 0x21))))))
                  (local.set $prevSp
                    (i8x16.splat
                      (i32.sub (i32.const 0)
                        (i32.lt_u (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.const 0x21)))))))
              (if (i32.eqz (local.get $budget))
                (then
                  (call $sums6 (local.get $aUp) (local.get $aLow) (local.get $aDig) (local.get $aSp) (local.get $aWord) (local.get $aBrk))
            (local.set $f1) (local.set $f0)
            (local.set $breaks (i32.add (local.get $breaks) (i32x4.extract_lane 1 (local.get $f1))))
            (local.set $words (i32.add (local.get $words) (i32x4.extract_lane 0 (local.get $f1))))
            (local.set $spaces (i32.add (local.get $spaces) (i32x4.extract_lane 3 (local.get $f0))))
            (local.set $digits (i32.add (local.get $digits) (i32x4.extract_lane 2 (local.get $f0))))
            (local.set $lower (i32.add (local.get $lower) (i32x4.extract_lane 1 (local.get $f0))))
            (local.set $upper (i32.add (local.get $upper) (i32x4.extract_lane 0 (local.get $f0))))
            (local.set $aUp (v128.const i64x2 0 0))
            (local.set $aLow (v128.const i64x2 0 0))
            (local.set $aDig (v128.const i64x2 0 0))
            (local.set $aSp (v128.const i64x2 0 0))
            (local.set $aWord (v128.const i64x2 0 0))
            (local.set $aBrk (v128.const i64x2 0 0))
            (local.set $budget (i32.const 255))
                  ;; Out of budget in the middle of a run: on in SIMD.
                  (br_if $phases (i32.eqz (local.get $unusual)))))
              ;; A whole block whose only unusual bytes are non-ASCII: SIMD for its ASCII lanes
              ;; (no non-ASCII byte falls in their ranges, bar whitespace, masked here), the
              ;; class table for each code point that starts in it (it starts at a code point).
              ;; Lanes of a code point all carry its whitespace flag, so the word-start
              ;; arithmetic sees whole code points.
              (if (i32.ge_u (i32.sub (local.get $end) (local.get $p)) (i32.const 16))
                (then
                  (local.set $v (v128.load (local.get $p)))
                  (local.set $high (i8x16.bitmask (local.get $v)))
                  (if (i32.eqz
                        (i32.or
                          (i32.and (i8x16.bitmask (i8x16.lt_s (local.get $v) (local.get $kTab)))
                            (i32.xor (local.get $high) (i32.const 0xffff)))
                          (i8x16.bitmask
                            (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kCtlBias)) (local.get $k14)))))
                    (then
                      (local.set $cont
                        (i32.xor (i32.const 0xffff)
                          (i8x16.bitmask (i8x16.gt_s (local.get $v) (local.get $kLast)))))
                      (local.set $aUp
                        (i8x16.sub (local.get $aUp)
                          (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kUpBias)) (local.get $k26))))
                      (local.set $aLow
                        (i8x16.sub (local.get $aLow)
                          (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kLowBias)) (local.get $k26))))
                      (local.set $aDig
                        (i8x16.sub (local.get $aDig)
                          (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kDigBias)) (local.get $k10))))
                      (local.set $aBrk
                        (i8x16.add
                          (i8x16.sub (local.get $aBrk)
                            (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kBrkBias)) (local.get $k21)))
                          (v128.and (i8x16.eq (local.get $v) (local.get $kLf))
                            (i8x16.eq (v128.load (i32.sub (local.get $p) (i32.const 1))) (local.get $kCr)))))
                      (local.set $sp
                        (v128.andnot (i8x16.lt_s (local.get $v) (local.get $kPastSpace))
                          (i8x16.lt_s (local.get $v) (v128.const i64x2 0 0))))
                      (local.set $aSp (i8x16.sub (local.get $aSp) (local.get $sp)))
                      (local.set $spBits (i32.const 0))
                      (local.set $m (i32.and (local.get $high) (i32.xor (local.get $cont) (i32.const 0xffff))))
                      (block $leadsDone
                        (loop $leads
                          (br_if $leadsDone (i32.eqz (local.get $m)))
                          (local.set $k (i32.ctz (local.get $m)))
                          (local.set $q (i32.add (local.get $p) (local.get $k)))
                          (local.set $b (i32.load8_u (local.get $q)))
                          (local.set $cls
                            (if (result i32) (i32.lt_u (local.get $b) (i32.const 0xf0))
                              ;; Two- and three-byte code points both decoded, one picked: no branch to mispredict
                              ;; on text that mixes them (the third byte may lie past a two-byte one: never counted).
                              (then
                                (i32.load8_u
                                  (select
                                    (i32.or
                                      (i32.shl (i32.and (local.get $b) (i32.const 0x0f)) (i32.const 12))
                                      (i32.or
                                        (i32.shl (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f)) (i32.const 6))
                                        (i32.and (i32.load8_u offset=2 (local.get $q)) (i32.const 0x3f))))
                                    (i32.or
                                      (i32.shl (i32.and (local.get $b) (i32.const 0x1f)) (i32.const 6))
                                      (i32.and (i32.load8_u offset=1 (local.get $q)) (i32.const 0x3f)))
                                    (i32.ge_u (local.get $b) (i32.const 0xe0)))))
                              (else (call $classAt (local.get $q)))))
                          (local.set $upper (i32.add (local.get $upper) (i32.and (local.get $cls) (i32.const 1))))
                          (local.set $lower
                            (i32.add (local.get $lower)
                              (i32.and (i32.shr_u (local.get $cls) (i32.const 1)) (i32.const 1))))
                          (local.set $digits
                            (i32.add (local.get $digits)
                              (i32.and (i32.shr_u (local.get $cls) (i32.const 2)) (i32.const 1))))
                          (local.set $s (i32.and (i32.shr_u (local.get $cls) (i32.const 3)) (i32.const 1)))
                          (local.set $spaces (i32.add (local.get $spaces) (local.get $s)))
                          (local.set $breaks
                            (i32.add (local.get $breaks)
                              (i32.and (i32.shr_u (local.get $cls) (i32.const 4)) (i32.const 1))))
                          ;; A whitespace code point flags its lead and continuation lanes.
                          (local.set $spBits
                            (i32.or (local.get $spBits)
                              (i32.shl
                                (i32.mul (local.get $s)
                                  (i32.sub
                                    (i32.shl (i32.const 1)
                                      (i32.add (i32.const 2)
                                        (i32.add (i32.ge_u (local.get $b) (i32.const 0xe0))
                                          (i32.ge_u (local.get $b) (i32.const 0xf0)))))
                                    (i32.const 1)))
                                (local.get $k))))
                          (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
                          (br $leads)))
                      ;; Lane i of the expanded mask is bit i of $spBits.
                      (local.set $sp
                        (v128.or (local.get $sp)
                          (i8x16.eq
                            (v128.and (local.get $kBits)
                              (i8x16.shuffle 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1
                                (i16x8.splat (local.get $spBits)) (i16x8.splat (local.get $spBits))))
                            (local.get $kBits))))
                      (local.set $aWord
                        (i8x16.sub (local.get $aWord)
                          (v128.andnot
                            (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
                              (local.get $prevSp) (local.get $sp))
                            (local.get $sp))))
                      (local.set $prevSp (local.get $sp))
                      (local.set $chars
                        (i32.add (local.get $chars)
                          (i32.popcnt (i32.xor (local.get $cont) (i32.const 0xffff)))))
                      ;; On to the next code point: the last one here may run into the next
                      ;; block, and it is counted already.
                      (local.set $p (i32.add (local.get $p) (i32.const 16)))
                      (block $atCodePoint
                        (loop $skip
                          (br_if $atCodePoint (i32.ge_u (local.get $p) (local.get $end)))
                          (br_if $atCodePoint
                            (i32.ne (i32.and (i32.load8_u (local.get $p)) (i32.const 0xc0))
                              (i32.const 0x80)))
                          (local.set $p (i32.add (local.get $p) (i32.const 1)))
                          (br $skip)))
                      (local.set $budget (i32.sub (local.get $budget) (i32.const 1)))
                      (if (i32.eqz (local.get $budget)) (then (call $sums6 (local.get $aUp) (local.get $aLow) (local.get $aDig) (local.get $aSp) (local.get $aWord) (local.get $aBrk))
            (local.set $f1) (local.set $f0)
            (local.set $breaks (i32.add (local.get $breaks) (i32x4.extract_lane 1 (local.get $f1))))
            (local.set $words (i32.add (local.get $words) (i32x4.extract_lane 0 (local.get $f1))))
            (local.set $spaces (i32.add (local.get $spaces) (i32x4.extract_lane 3 (local.get $f0))))
            (local.set $digits (i32.add (local.get $digits) (i32x4.extract_lane 2 (local.get $f0))))
            (local.set $lower (i32.add (local.get $lower) (i32x4.extract_lane 1 (local.get $f0))))
            (local.set $upper (i32.add (local.get $upper) (i32x4.extract_lane 0 (local.get $f0))))
            (local.set $aUp (v128.const i64x2 0 0))
            (local.set $aLow (v128.const i64x2 0 0))
            (local.set $aDig (v128.const i64x2 0 0))
            (local.set $aSp (v128.const i64x2 0 0))
            (local.set $aWord (v128.const i64x2 0 0))
            (local.set $aBrk (v128.const i64x2 0 0))
            (local.set $budget (i32.const 255))))
                      (br $phases)))))
              ;; The block at $p holds an unusual byte or runs past the end: its plain prefix
              ;; of $k lanes takes the same SIMD arithmetic, masked.
              (local.set $left (i32.sub (local.get $end) (local.get $p)))
              (local.set $left
                (select (i32.const 16) (local.get $left) (i32.gt_u (local.get $left) (i32.const 16))))
              (local.set $v (v128.load (local.get $p)))
              (local.set $unusual
                (i8x16.bitmask
                  (v128.and (i8x16.gt_s (i8x16.splat (local.get $left)) (local.get $kIota))
                    (v128.or (i8x16.lt_s (local.get $v) (local.get $kTab))
                      (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kCtlBias)) (local.get $k14))))))
              (local.set $k
                (select (i32.ctz (local.get $unusual)) (local.get $left) (local.get $unusual)))
              (if (local.get $k)
                (then
                  (local.set $valid (i8x16.gt_s (i8x16.splat (local.get $k)) (local.get $kIota)))
                  (local.set $aUp
                    (i8x16.sub (local.get $aUp)
                      (v128.and (local.get $valid)
                        (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kUpBias)) (local.get $k26)))))
                  (local.set $aLow
                    (i8x16.sub (local.get $aLow)
                      (v128.and (local.get $valid)
                        (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kLowBias)) (local.get $k26)))))
                  (local.set $aDig
                    (i8x16.sub (local.get $aDig)
                      (v128.and (local.get $valid)
                        (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kDigBias)) (local.get $k10)))))
                  (local.set $sp
                    (v128.and (local.get $valid) (i8x16.lt_s (local.get $v) (local.get $kPastSpace))))
                  (local.set $aSp (i8x16.sub (local.get $aSp) (local.get $sp)))
                  (local.set $aWord
                    (i8x16.sub (local.get $aWord)
                      (v128.and (local.get $valid)
                        (v128.andnot
                          (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30
                            (local.get $prevSp) (local.get $sp))
                          (local.get $sp)))))
                  (local.set $aBrk
                    (i8x16.add
                      (i8x16.sub (local.get $aBrk)
                        (v128.and (local.get $valid)
                          (i8x16.lt_s (i8x16.add (local.get $v) (local.get $kBrkBias)) (local.get $k21))))
                      (v128.and (local.get $valid)
                        (v128.and (i8x16.eq (local.get $v) (local.get $kLf))
                          (i8x16.eq (v128.load (i32.sub (local.get $p) (i32.const 1))) (local.get $kCr))))))
                  ;; The space flag of lane $k - 1, for the code point after the prefix.
                  (local.set $prevSp
                    (i8x16.splat
                      (i32.sub (i32.const 0)
                        (i32.and (i32.const 1)
                          (i32.shr_u (i8x16.bitmask (local.get $sp))
                            (i32.sub (local.get $k) (i32.const 1)))))))
                  (local.set $p (i32.add (local.get $p) (local.get $k)))
                  (local.set $chars (i32.add (local.get $chars) (local.get $k)))
                  (local.set $budget (i32.sub (local.get $budget) (i32.const 1)))
                  (if (i32.eqz (local.get $budget)) (then (call $sums6 (local.get $aUp) (local.get $aLow) (local.get $aDig) (local.get $aSp) (local.get $aWord) (local.get $aBrk))
            (local.set $f1) (local.set $f0)
            (local.set $breaks (i32.add (local.get $breaks) (i32x4.extract_lane 1 (local.get $f1))))
            (local.set $words (i32.add (local.get $words) (i32x4.extract_lane 0 (local.get $f1))))
            (local.set $spaces (i32.add (local.get $spaces) (i32x4.extract_lane 3 (local.get $f0))))
            (local.set $digits (i32.add (local.get $digits) (i32x4.extract_lane 2 (local.get $f0))))
            (local.set $lower (i32.add (local.get $lower) (i32x4.extract_lane 1 (local.get $f0))))
            (local.set $upper (i32.add (local.get $upper) (i32x4.extract_lane 0 (local.get $f0))))
            (local.set $aUp (v128.const i64x2 0 0))
            (local.set $aLow (v128.const i64x2 0 0))
            (local.set $aDig (v128.const i64x2 0 0))
            (local.set $aSp (v128.const i64x2 0 0))
            (local.set $aWord (v128.const i64x2 0 0))
            (local.set $aBrk (v128.const i64x2 0 0))
            (local.set $budget (i32.const 255))))))))
          ;; Scalar phase, exactly the JS kernel's per-code-point loop, for one code point:
          ;; the unusual one at $p (a lead byte or a control byte), or the first one of the
          ;; segment when a "\r" precedes it.
          (local.set $stop (i32.add (local.get $p) (i32.lt_u (local.get $p) (local.get $end))))
          (local.set $simd (i32.const 1))
          (local.set $prevSpace (i32.and (i8x16.extract_lane_u 15 (local.get $prevSp)) (i32.const 1)))
          (local.set $prevCr
            (i32.and (i32.gt_u (local.get $p) (local.get $start))
              (i32.eq (i32.load8_u (i32.sub (local.get $p) (i32.const 1))) (i32.const 0x0d))))
          (block $scalarDone
            (loop $scalar
              (br_if $scalarDone (i32.ge_u (local.get $p) (local.get $stop)))
              (local.set $b (i32.load8_u (local.get $p)))
              (if (i32.lt_u (local.get $b) (i32.const 0x80))
                (then
                  (local.set $cls (i32.load8_u (local.get $b)))
                  (local.set $p (i32.add (local.get $p) (i32.const 1))))
                (else
                  (local.set $cls (call $classAt (local.get $p)))
                  (local.set $p
                    (i32.add (local.get $p)
                      (i32.add (i32.const 2)
                        (i32.add (i32.ge_u (local.get $b) (i32.const 0xe0))
                          (i32.ge_u (local.get $b) (i32.const 0xf0))))))))
              (local.set $upper (i32.add (local.get $upper) (i32.and (local.get $cls) (i32.const 1))))
              (local.set $lower
                (i32.add (local.get $lower)
                  (i32.and (i32.shr_u (local.get $cls) (i32.const 1)) (i32.const 1))))
              (local.set $digits
                (i32.add (local.get $digits)
                  (i32.and (i32.shr_u (local.get $cls) (i32.const 2)) (i32.const 1))))
              (local.set $s (i32.and (i32.shr_u (local.get $cls) (i32.const 3)) (i32.const 1)))
              (local.set $spaces (i32.add (local.get $spaces) (local.get $s)))
              (local.set $words
                (i32.add (local.get $words)
                  (i32.and (local.get $prevSpace) (i32.xor (local.get $s) (i32.const 1)))))
              (local.set $prevSpace (local.get $s))
              (local.set $chars (i32.add (local.get $chars) (i32.const 1)))
              ;; "\n" carries the break bit, so a "\r\n" pair nets one break.
              (local.set $breaks
                (i32.sub
                  (i32.add (local.get $breaks)
                    (i32.and (i32.shr_u (local.get $cls) (i32.const 4)) (i32.const 1)))
                  (i32.and (i32.eq (local.get $b) (i32.const 0x0a)) (local.get $prevCr))))
              (local.set $prevCr (i32.eq (local.get $b) (i32.const 0x0d)))
              (br $scalar)))
          (local.set $prevSp (i8x16.splat (i32.sub (i32.const 0) (local.get $prevSpace))))
          (br_if $phases (i32.lt_u (local.get $p) (local.get $end))))
        (call $sums6 (local.get $aUp) (local.get $aLow) (local.get $aDig) (local.get $aSp) (local.get $aWord) (local.get $aBrk))
            (local.set $f1) (local.set $f0)
            (local.set $breaks (i32.add (local.get $breaks) (i32x4.extract_lane 1 (local.get $f1))))
            (local.set $words (i32.add (local.get $words) (i32x4.extract_lane 0 (local.get $f1))))
            (local.set $spaces (i32.add (local.get $spaces) (i32x4.extract_lane 3 (local.get $f0))))
            (local.set $digits (i32.add (local.get $digits) (i32x4.extract_lane 2 (local.get $f0))))
            (local.set $lower (i32.add (local.get $lower) (i32x4.extract_lane 1 (local.get $f0))))
            (local.set $upper (i32.add (local.get $upper) (i32x4.extract_lane 0 (local.get $f0))))
            (local.set $aUp (v128.const i64x2 0 0))
            (local.set $aLow (v128.const i64x2 0 0))
            (local.set $aDig (v128.const i64x2 0 0))
            (local.set $aSp (v128.const i64x2 0 0))
            (local.set $aWord (v128.const i64x2 0 0))
            (local.set $aBrk (v128.const i64x2 0 0))
            (local.set $budget (i32.const 255))
        ;; The two ends decide the edge flags and whether the last line is unterminated.
        (if (i32.lt_u (local.get $start) (local.get $end))
          (then
            ;; ASCII ends (nearly all) read the table here, without a call.
            (local.set $b (i32.load8_u (local.get $start)))
            (local.set $first
              (if (result i32) (i32.lt_u (local.get $b) (i32.const 0x80))
                (then (i32.load8_u (local.get $b)))
                (else (call $classAt (local.get $start)))))
            (local.set $q (i32.sub (local.get $end) (i32.const 1)))
            (block $found
              (loop $back
                (br_if $found
                  (i32.ne (i32.and (i32.load8_u (local.get $q)) (i32.const 0xc0)) (i32.const 0x80)))
                (local.set $q (i32.sub (local.get $q) (i32.const 1)))
                (br $back)))
            (local.set $b (i32.load8_u (local.get $q)))
            (local.set $lastCls
              (if (result i32) (i32.lt_u (local.get $b) (i32.const 0x80))
                (then (i32.load8_u (local.get $b)))
                (else (call $classAt (local.get $q)))))
            (local.set $lines
              (i32.add (local.get $breaks)
                (i32.eqz (i32.and (local.get $lastCls) (i32.const 16)))))
            ;; EDGE_* of segment-counts.ts: 1 non-empty, 2 starts in a word, 4 ends in a
            ;; word, 8 starts with "\n", 16 ends with "\r", 32 text after the last break.
            (local.set $edges
              (i32.or
                (i32.or
                  (i32.or (i32.const 1)
                    (select (i32.const 0) (i32.const 2) (i32.and (local.get $first) (i32.const 8))))
                  (i32.or
                    (select (i32.const 0) (i32.const 4) (i32.and (local.get $lastCls) (i32.const 8)))
                    (select (i32.const 8) (i32.const 0)
                      (i32.eq (i32.load8_u (local.get $start)) (i32.const 0x0a)))))
                (i32.or
                  (select (i32.const 16) (i32.const 0)
                    (i32.eq (i32.load8_u (i32.sub (local.get $end) (i32.const 1))) (i32.const 0x0d)))
                  (select (i32.const 0) (i32.const 32)
                    (i32.and (local.get $lastCls) (i32.const 16))))))))
        (i32.store offset=8 (local.get $r) (local.get $upper))
        (i32.store offset=12 (local.get $r) (local.get $lower))
        (i32.store offset=16 (local.get $r) (local.get $digits))
        (i32.store offset=20 (local.get $r) (local.get $spaces))
        (i32.store offset=24 (local.get $r) (local.get $words))
        (i32.store offset=28 (local.get $r) (local.get $lines))
        (i32.store offset=32 (local.get $r) (local.get $chars))
        (i32.store offset=36 (local.get $r) (local.get $edges))
        (local.set $r (i32.add (local.get $r) (i32.const 40)))
        (br $nextRecord)))))
