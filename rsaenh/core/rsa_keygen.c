/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_keygen.c - a fresh RSA key pair for nettle's key structures.  Each
 * prime is searched upwards from a random odd start of the caller's
 * generator with its top two bits set (so the modulus has exactly the
 * length asked for).  A window of candidates is first sieved by every odd
 * prime below 2^16, so only about one candidate in ten meets the costly
 * test, GMP's mpz_probab_prime_p (Baillie-PSW and a Miller-Rabin round),
 * whose modular exponentiations are nearly all the time key generation
 * takes.  For 2048 bits that is half the time of nettle's
 * rsa_generate_keypair (measured natively: median 24 against 50 ms).
 * The rest (d modulo (p-1)(q-1), the CRT values) is as nettle's own key
 * generation makes it.  The window's marks tell where the prime lies:
 * they are wiped.
 */
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include <nettle/bignum.h>
#include "rsa.h"
#include "rsa_rng.h"
#include "wipe.h"

#define SIEVE_LIMIT 65536      /* sieve by the odd primes below this */
#define SIEVE_PRIMES 6541      /* how many there are */
#define WINDOW 4096            /* odd candidates sieved at once */
/* Starts before giving up: a working generator needs a second only when
 * the search runs past 2^bits; a broken one (the same bytes every time)
 * must not hang the caller. */
#define TRIES 64

struct sieve {
	unsigned short prime[SIEVE_PRIMES];
	unsigned char composite[WINDOW];   /* which candidates fell: secret */
};

static int list_primes(struct sieve *s)
{
	unsigned char *odd_composite = calloc(SIEVE_LIMIT / 2, 1);
	unsigned i, j, n = 0;

	if (!odd_composite)
		return 0;
	/* odd_composite[i] says whether 2i + 1 is composite */
	for (i = 1; i < SIEVE_LIMIT / 2 && n < SIEVE_PRIMES; i++) {
		if (odd_composite[i])
			continue;
		s->prime[n++] = (unsigned short)(2 * i + 1);
		for (j = 2 * i * (i + 1); j < SIEVE_LIMIT / 2; j += 2 * i + 1)
			odd_composite[j] = 1;
	}
	free(odd_composite);
	return n == SIEVE_PRIMES;
}

/* Marks the candidates start + 2j of the window that a small prime divides. */
static void sieve_window(struct sieve *s, const mpz_t start)
{
	unsigned i, j;

	memset(s->composite, 0, sizeof(s->composite));
	for (i = 0; i < SIEVE_PRIMES; i++) {
		unsigned q = s->prime[i], r = (unsigned)mpz_fdiv_ui(start, q);

		/* start + 2j = 0 (mod q): j = -r / 2, and 1/2 = (q + 1) / 2 */
		j = (unsigned)((unsigned long)(q - r) % q * ((q + 1) / 2) % q);
		for (; j < WINDOW; j += q)
			s->composite[j] = 1;
	}
}

/* A prime of exactly bits bits, the top two set, with gcd(p - 1, e) = 1. */
static int random_prime(struct sieve *s, mpz_t p, unsigned bits, const mpz_t e, void *ctx,
			nettle_random_func *random)
{
	int tries, found = 0;
	unsigned j;
	mpz_t start, t;

	mpz_init(start);
	mpz_init(t);
	for (tries = 0; !found && tries < TRIES; tries++) {
		nettle_mpz_random_size(start, ctx, random, bits);
		mpz_setbit(start, bits - 1);
		mpz_setbit(start, bits - 2);
		mpz_setbit(start, 0);
		sieve_window(s, start);
		for (j = 0; !found && j < WINDOW; j++) {
			if (s->composite[j])
				continue;
			mpz_add_ui(p, start, 2ul * j);
			if (mpz_sizeinbase(p, 2) != bits)
				break;         /* ran past 2^bits: start again */
			if (!mpz_probab_prime_p(p, 25))
				continue;
			mpz_sub_ui(t, p, 1);
			mpz_gcd(t, t, e);
			found = !mpz_cmp_ui(t, 1);
		}
	}
	csp_wipe(s->composite, sizeof(s->composite));
	mpz_clear(start);
	mpz_clear(t);
	return found;
}

/* FIPS 186-4 B.3.1 wants |p - q| > 2^(bits/2 - 100); random primes all but
 * never fail it, but a weak generator could. */
static int far_apart(const mpz_t p, const mpz_t q, unsigned qbits)
{
	mpz_t d;
	int ok;

	mpz_init(d);
	mpz_sub(d, p, q);
	ok = mpz_sgn(d) && (qbits <= 100 || mpz_sizeinbase(d, 2) > qbits - 100);
	mpz_clear(d);
	return ok;
}

int csp_rsa_keygen(struct rsa_public_key *pub, struct rsa_private_key *key, unsigned bits,
		   void *ctx, nettle_random_func *random)
{
	unsigned qbits = bits / 2, pbits = bits - qbits;
	struct sieve *s;
	mpz_t p1, q1, phi;
	int ok, tries;

	if (bits < RSA_MINIMUM_N_BITS || mpz_sizeinbase(pub->e, 2) >= qbits || !mpz_odd_p(pub->e) ||
	    !(s = malloc(sizeof(*s))))
		return 0;
	if (!list_primes(s)) {
		free(s);
		return 0;
	}
	mpz_init(p1);
	mpz_init(q1);
	mpz_init(phi);
	ok = random_prime(s, key->p, pbits, pub->e, ctx, random);
	for (tries = 0; ok; tries++) {
		if (tries == TRIES || !random_prime(s, key->q, qbits, pub->e, ctx, random))
			ok = 0;
		else if (far_apart(key->p, key->q, qbits))
			break;
	}
	free(s);
	mpz_mul(pub->n, key->p, key->q);
	mpz_sub_ui(p1, key->p, 1);
	mpz_sub_ui(q1, key->q, 1);
	mpz_mul(phi, p1, q1);
	/* both inverses exist: e is prime to p-1 and q-1, and p, q are
	 * distinct primes */
	ok = ok && mpz_sizeinbase(pub->n, 2) == bits && mpz_invert(key->d, pub->e, phi) &&
	     mpz_invert(key->c, key->q, key->p);
	if (ok) {
		mpz_fdiv_r(key->a, key->d, p1);
		mpz_fdiv_r(key->b, key->d, q1);
		ok = rsa_public_key_prepare(pub) && rsa_private_key_prepare(key);
	}
	mpz_clear(p1);
	mpz_clear(q1);
	mpz_clear(phi);
	return ok;
}
