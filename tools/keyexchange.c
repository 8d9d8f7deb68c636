/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * keyexchange.exe - the manual session key exchange of Microsoft's CryptoAPI
 * documentation, between separate processes with persistent key containers,
 * with the replay hole that page warns about closed.
 *
 *   keyexchange receiver-setup DIR     receiver's container + AT_KEYEXCHANGE pair;
 *                                      writes DIR/receiver.pub
 *   keyexchange sender-setup DIR       sender's container + AT_SIGNATURE pair;
 *                                      writes DIR/sender.pub
 *   keyexchange send DIR SERIAL TEXT OUT
 *        a fresh AES-256 session key encrypts TEXT; the key travels as a
 *        SIMPLEBLOB encrypted to receiver.pub; serial number, time stamp,
 *        BLOB and ciphertext are signed with the sender's AT_SIGNATURE key.
 *   keyexchange receive DIR PACKET
 *        verifies the signature with sender.pub, refuses a serial number it
 *        has accepted before (DIR/receiver.state) or a stale time stamp,
 *        imports the SIMPLEBLOB with its own key pair and decrypts.
 *   keyexchange cleanup                deletes both containers
 * Exit status: 0 done, 1 packet rejected, 2 failure.
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RECEIVER "keyexchange-demo-receiver"
#define SENDER   "keyexchange-demo-sender"
#define MAX_AGE  300     /* seconds a packet stays acceptable */

struct packet_head {     /* what precedes the variable parts, all signed */
	ULONGLONG serial;
	ULONGLONG timestamp;
	DWORD blob_len, data_len, sig_len;
};

static void fail(const char *what)
{
	fprintf(stderr, "keyexchange: %s failed: 0x%08lx\n", what, GetLastError());
	exit(2);
}

static void path(char *out, const char *dir, const char *name)
{
	snprintf(out, MAX_PATH, "%s\\%s", dir, name);
}

static BYTE *load(const char *file, DWORD *len)
{
	FILE *f = fopen(file, "rb");
	BYTE *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc(n + 1)) || fread(buf, 1, n, f) != (size_t)n)
		fail(file);
	fclose(f);
	*len = n;
	return buf;
}

static void save(const char *file, const void *data, DWORD len)
{
	FILE *f = fopen(file, "wb");

	if (!f || fwrite(data, 1, len, f) != len || fclose(f))
		fail(file);
}

/* Opens the named container, creating it on first use, as programs do. */
static HCRYPTPROV open_container(const char *name)
{
	HCRYPTPROV prov;

	if (CryptAcquireContextA(&prov, name, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, 0))
		return prov;
	if (GetLastError() != (DWORD)NTE_BAD_KEYSET)
		fail("CryptAcquireContext");
	if (!CryptAcquireContextA(&prov, name, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_NEWKEYSET))
		fail("CryptAcquireContext(CRYPT_NEWKEYSET)");
	printf("  created key container \"%s\"\n", name);
	return prov;
}

/* The container's pair of this kind, generated when it has none yet. */
static HCRYPTKEY user_key(HCRYPTPROV prov, DWORD spec)
{
	HCRYPTKEY key;

	if (CryptGetUserKey(prov, spec, &key))
		return key;
	if (GetLastError() != (DWORD)NTE_NO_KEY)
		fail("CryptGetUserKey");
	if (!CryptGenKey(prov, spec, 2048 << 16, &key))
		fail("CryptGenKey");
	printf("  generated its 2048-bit %s pair\n", spec == AT_KEYEXCHANGE ? "key-exchange" : "signature");
	return key;
}

static void export_public(HCRYPTKEY key, const char *file)
{
	BYTE blob[2048];
	DWORD len = sizeof(blob);

	if (!CryptExportKey(key, 0, PUBLICKEYBLOB, 0, blob, &len))
		fail("CryptExportKey(PUBLICKEYBLOB)");
	save(file, blob, len);
	printf("  exported its public key (%lu-byte PUBLICKEYBLOB) to %s\n", len, file);
}

static void setup(const char *dir, const char *container, DWORD spec, const char *name)
{
	char file[MAX_PATH];
	HCRYPTPROV prov = open_container(container);
	HCRYPTKEY key = user_key(prov, spec);

	path(file, dir, name);
	export_public(key, file);
	CryptDestroyKey(key);
	CryptReleaseContext(prov, 0);
}

static HCRYPTKEY import_public(HCRYPTPROV prov, const char *dir, const char *name)
{
	char file[MAX_PATH];
	HCRYPTKEY key;
	DWORD len;
	BYTE *blob;

	path(file, dir, name);
	blob = load(file, &len);
	if (!CryptImportKey(prov, blob, len, 0, 0, &key))
		fail("CryptImportKey(PUBLICKEYBLOB)");
	free(blob);
	return key;
}

static HCRYPTHASH hash_of(HCRYPTPROV prov, const BYTE *data, DWORD len)
{
	HCRYPTHASH hash;

	if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash) || !CryptHashData(hash, data, len, 0))
		fail("hashing the packet");
	return hash;
}

static int send_packet(const char *dir, ULONGLONG serial, const char *text, const char *out)
{
	HCRYPTPROV prov = open_container(SENDER);
	HCRYPTKEY receiver = import_public(prov, dir, "receiver.pub"), session;
	DWORD text_len = strlen(text), blob_len = 0, data_len, sig_len = 0;
	struct packet_head head;
	HCRYPTHASH hash;
	BYTE *packet;

	if (!CryptGenKey(prov, CALG_AES_256, CRYPT_EXPORTABLE, &session))
		fail("CryptGenKey(CALG_AES_256)");
	printf("  created a random AES-256 session key\n");
	if (!CryptExportKey(session, receiver, SIMPLEBLOB, 0, NULL, &blob_len))
		fail("CryptExportKey(SIMPLEBLOB)");
	data_len = text_len;
	if (!CryptEncrypt(session, 0, TRUE, 0, NULL, &data_len, 0))
		fail("CryptEncrypt (size)");
	packet = calloc(1, sizeof(head) + blob_len + data_len + 1024);
	if (!CryptExportKey(session, receiver, SIMPLEBLOB, 0, packet + sizeof(head), &blob_len))
		fail("CryptExportKey(SIMPLEBLOB)");
	printf("  exported it as a %lu-byte SIMPLEBLOB, encrypted to the receiver's public key\n", blob_len);
	memcpy(packet + sizeof(head) + blob_len, text, text_len);
	data_len = text_len;
	if (!CryptEncrypt(session, 0, TRUE, 0, packet + sizeof(head) + blob_len, &data_len, data_len + 16))
		fail("CryptEncrypt");
	printf("  encrypted the %lu-byte message into %lu bytes\n", text_len, data_len);

	memset(&head, 0, sizeof(head));   /* padding is signed too */
	head.serial = serial;
	head.timestamp = (ULONGLONG)time(NULL);
	head.blob_len = blob_len;
	head.data_len = data_len;
	head.sig_len = 0;
	memcpy(packet, &head, sizeof(head));
	hash = hash_of(prov, packet, sizeof(head) + blob_len + data_len);
	if (!CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, NULL, &sig_len) ||
	    !CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, packet + sizeof(head) + blob_len + data_len, &sig_len))
		fail("CryptSignHash");
	printf("  signed serial %llu, time stamp, BLOB and ciphertext with the sender's signature key\n", serial);
	/* the signature length travels outside the signed part */
	((struct packet_head *)packet)->sig_len = sig_len;
	save(out, packet, sizeof(head) + blob_len + data_len + sig_len);
	printf("  wrote the packet to %s\n", out);
	CryptDestroyHash(hash);
	CryptDestroyKey(session);
	CryptDestroyKey(receiver);
	CryptReleaseContext(prov, 0);
	return 0;
}

static int reject(const char *why)
{
	printf("  REJECTED: %s\n", why);
	return 1;
}

static int receive_packet(const char *dir, const char *in)
{
	char state_file[MAX_PATH];
	struct packet_head head;
	ULONGLONG last = 0, now = (ULONGLONG)time(NULL);
	HCRYPTPROV prov;
	HCRYPTKEY sender, exchange, session;
	HCRYPTHASH hash;
	DWORD len, sig_len, plain_len;
	BYTE *packet, *plain;
	FILE *f;

	packet = load(in, &len);
	if (len < sizeof(head))
		return reject("truncated packet");
	memcpy(&head, packet, sizeof(head));
	if (head.blob_len > len || head.data_len > len || head.sig_len > len ||
	    sizeof(head) + (ULONGLONG)head.blob_len + head.data_len + head.sig_len != len)
		return reject("malformed packet");
	sig_len = head.sig_len;
	((struct packet_head *)packet)->sig_len = 0;

	prov = open_container(RECEIVER);
	sender = import_public(prov, dir, "sender.pub");
	hash = hash_of(prov, packet, len - sig_len);
	if (!CryptVerifySignatureA(hash, packet + len - sig_len, sig_len, sender, NULL, 0)) {
		if (GetLastError() == (DWORD)NTE_BAD_SIGNATURE)
			return reject("the sender's signature does not verify");
		fail("CryptVerifySignature");
	}
	printf("  the sender's signature verifies (serial %llu)\n", head.serial);

	path(state_file, dir, "receiver.state");
	if ((f = fopen(state_file, "rb"))) {
		if (fread(&last, sizeof(last), 1, f) != 1)
			last = 0;
		fclose(f);
	}
	if (head.serial <= last) {
		char why[128];
		snprintf(why, sizeof why, "replay: serial %llu is not newer than %llu, already accepted",
			 head.serial, last);
		return reject(why);
	}
	if (head.timestamp > now + 60 || now - head.timestamp > MAX_AGE)
		return reject("stale or future time stamp");

	exchange = user_key(prov, AT_KEYEXCHANGE);
	if (!CryptImportKey(prov, packet + sizeof(head), head.blob_len, exchange, 0, &session))
		fail("CryptImportKey(SIMPLEBLOB)");
	printf("  imported the SIMPLEBLOB with its own key-exchange key\n");
	plain = packet + sizeof(head) + head.blob_len;
	plain_len = head.data_len;
	if (!CryptDecrypt(session, 0, TRUE, 0, plain, &plain_len))
		fail("CryptDecrypt");
	printf("  decrypted: \"%.*s\"\n", (int)plain_len, (char *)plain);
	save(state_file, &head.serial, sizeof(head.serial));
	CryptDestroyKey(session);
	CryptDestroyKey(exchange);
	CryptDestroyKey(sender);
	CryptDestroyHash(hash);
	CryptReleaseContext(prov, 0);
	free(packet);
	return 0;
}

static void delete_container(const char *name)
{
	HCRYPTPROV prov;

	if (CryptAcquireContextA(&prov, name, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_DELETEKEYSET))
		printf("  deleted key container \"%s\"\n", name);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 3 && !strcmp(argv[1], "receiver-setup"))
		setup(argv[2], RECEIVER, AT_KEYEXCHANGE, "receiver.pub");
	else if (argc == 3 && !strcmp(argv[1], "sender-setup"))
		setup(argv[2], SENDER, AT_SIGNATURE, "sender.pub");
	else if (argc == 6 && !strcmp(argv[1], "send"))
		return send_packet(argv[2], _strtoui64(argv[3], NULL, 10), argv[4], argv[5]);
	else if (argc == 4 && !strcmp(argv[1], "receive"))
		return receive_packet(argv[2], argv[3]);
	else if (argc == 2 && !strcmp(argv[1], "cleanup")) {
		delete_container(RECEIVER);
		delete_container(SENDER);
	} else {
		fprintf(stderr, "usage: see the comment at the top of keyexchange.c\n");
		return 2;
	}
	return 0;
}
