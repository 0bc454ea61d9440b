/*
 * The physical reference for the kernel bench: count the ASCII capitals of every email in the
 * corpus bytes, as plain C that the compiler vectorises (cc -O3 -march=native), one core.
 *
 * usage: ascii-capitals BYTES LENGTHS REPS
 *   BYTES    the RawText of every email, back to back (the resident corpus's bytes)
 *   LENGTHS  each email's byte length, uint32 little-endian
 * prints:    {"samplesMs": [...], "cpuMs": [...], "totalCapitals": N}: per repetition, wall
 *            time and this thread's CPU time (which a busy machine inflates much less)
 *
 * One count per email, like the kernels. The counter is 32-bit on purpose: with a size_t
 * counter gcc 12 widens every byte to a 64-bit lane, which runs 2 to 5 times slower here and
 * would make a weak reference. An email of 4 GiB or more is beyond a uint32 count.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static unsigned char *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *data = malloc(n > 0 ? (size_t)n : 1);
  if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
    free(data);
    data = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return data;
}

/* noinline: the timed call must do the work every repetition, not once. */
__attribute__((noinline)) static void count_capitals(const unsigned char *text,
                                                     const uint32_t *lengths, size_t emails,
                                                     uint32_t *counts) {
  for (size_t e = 0; e < emails; e++) {
    uint32_t count = 0;
    for (uint32_t i = 0; i < lengths[e]; i++) count += text[i] >= 'A' && text[i] <= 'Z';
    counts[e] = count;
    text += lengths[e];
  }
}

static double now_ms(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s BYTES LENGTHS REPS\n", argv[0]);
    return 2;
  }
  size_t size = 0, lengthBytes = 0;
  unsigned char *text = read_all(argv[1], &size);
  uint32_t *lengths = (uint32_t *)read_all(argv[2], &lengthBytes);
  int reps = atoi(argv[3]);
  if (!text || !lengths || lengthBytes % 4 != 0 || reps < 1) {
    fprintf(stderr, "cannot read %s and %s, or REPS is not positive\n", argv[1], argv[2]);
    return 2;
  }
  size_t emails = lengthBytes / 4, total = 0;
  for (size_t e = 0; e < emails; e++) total += lengths[e];
  if (total != size) {
    fprintf(stderr, "the lengths add up to %zu bytes, the text has %zu\n", total, size);
    return 2;
  }
  uint32_t *counts = malloc((emails > 0 ? emails : 1) * sizeof *counts);
  double *wall = malloc(reps * sizeof *wall), *cpu = malloc(reps * sizeof *cpu);
  count_capitals(text, lengths, emails, counts); /* warm: page faults, caches */
  for (int r = 0; r < reps; r++) {
    double started = now_ms(CLOCK_MONOTONIC), startedCpu = now_ms(CLOCK_THREAD_CPUTIME_ID);
    count_capitals(text, lengths, emails, counts);
    cpu[r] = now_ms(CLOCK_THREAD_CPUTIME_ID) - startedCpu;
    wall[r] = now_ms(CLOCK_MONOTONIC) - started;
  }
  printf("{\"samplesMs\": [");
  for (int r = 0; r < reps; r++) printf("%s%.4f", r ? ", " : "", wall[r]);
  printf("], \"cpuMs\": [");
  for (int r = 0; r < reps; r++) printf("%s%.4f", r ? ", " : "", cpu[r]);
  unsigned long long capitals = 0;
  for (size_t e = 0; e < emails; e++) capitals += counts[e];
  printf("], \"totalCapitals\": %llu}\n", capitals);
  return 0;
}
