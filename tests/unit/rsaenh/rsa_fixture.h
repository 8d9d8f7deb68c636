/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rsa_fixture.h - a fixed 512-bit RSA key exchange key (e = 65537) as a
 * PRIVATEKEYBLOB, and answers computed for it outside this code base
 * (Python integers and hashlib): signatures, ciphertexts, a SIMPLEBLOB.
 */
#ifndef RSA_FIXTURE_H
#define RSA_FIXTURE_H

static const char priv_hex[] =
	"0702000000a40000525341320002000001000100c7b7be4a9700fb2f28e5134e"
	"0b2cb10a371d4c10212492760bcc0ce420f2ae456e9d6123ba28eba730c0cbbb"
	"c8d3da3454cbff39f4bd675f14b866052c1ea7aa890b2cd1ed2cb2c2575a9460"
	"ab84b7c7bed5f3793959523139bfa8834a82fcd8cf444913899a209fc9204a32"
	"301bde2dfcc0d23e7b0158a77161ae9a6ff555c9a97ed1aa182618bbfd2e5539"
	"e19f708815b9bec8402c8542ba6f87bd86d13d025d9221992ffe3fb9164bff3b"
	"b8633282cd54698a914f6537561ec19fcc9984ad584c2f14051b122e1d613089"
	"9fc2c7162babe7fda2d5ca1164b8458cfb5583d221a3e158f4877fc5bad0541d"
	"3fffa90c3cfa8660434688b3c19e7f0d6e1745105d978854d199e7dc26d7630d"
	"2f07ebe963793eb695b6088ab0fee5a82a10e75b";
/* SHA-1("abc") signed with its DigestInfo, little-endian */
static const char sig_sha1_hex[] =
	"ab7f7f66cd76f53f10f49c71f40ef48d9753bf520f2bda69c78cb88f0ed02d23"
	"cdc2fa2de327fa32998caae794a14f34f718bfc9b9b63b4b9f57b8ccdddf888d";
/* SHA-256("abc") signed bare (CRYPT_NOHASHOID) */
static const char sig_sha256_bare_hex[] =
	"106ecd7c7f54b2886d14e2e959816434a71d71c26928245b415984c628781642"
	"bafac9c2687eff03f3659515641096c8f7b1df93b8483a0829e868c7f2673b61";
/* "Wine rocks!" (11 bytes) under OAEP (SHA-1, seed 5a..5a) and PKCS#1 v1.5 */
static const char oaep_hex[] =
	"9f8376cf08f6620a5eb2fd2a44eb8e28e5e5ba349877919bddec15c8af01160d"
	"ffff3adf91b6739c32b636962b7d316be7a4d3274998922b2e3399307c04d426";
static const char pkcs1_hex[] =
	"b9ec7c3eae45d42233a38b3be47fca5f594a7f57f56bb46b71f79b318aab33ca"
	"8a291cb8b0f84dfdb2c37365cbe4691e14ba0363d2362e5e8328389898a7f441";

/* SIMPLEBLOB of the RC4 key 10 11 .. 1f under the key, PKCS#1 v1.5 */
static const char simple_hex[] =
	"010200000168000000a40000fd444ea9fc13b664d031e1c838a3b442c517c03b"
	"529e417d1876be6cad1a5f77777514a9d531558aa9244aeb7328f269df66de4f"
	"213bac2c78c69bef3b85b17a";

#endif
