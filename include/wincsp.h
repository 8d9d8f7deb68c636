/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * wincsp.h - the Windows names a CSP core needs (DWORD, ALG_ID, CALG_*, KP_*,
 * HP_*, PP_*, CRYPT_* flags, NTE_* and ERROR_* codes, BLOBHEADER...), so the
 * portable core reads like Microsoft's documentation.  On Windows it is
 * <windows.h> + <wincrypt.h>; elsewhere it defines the subset itself, with
 * the values Microsoft documents.
 */
#ifndef WINCSP_H
#define WINCSP_H

#ifdef _WIN32
#include <windows.h>
#include <wincrypt.h>
#else

#include <stdint.h>
#include <stddef.h>

typedef uint32_t DWORD;
typedef uint8_t BYTE;
typedef int BOOL;
typedef unsigned int ALG_ID;
typedef char CHAR;
#ifndef TRUE
#define TRUE 1
#define FALSE 0
#endif
#define LOWORD(l) ((DWORD)(l) & 0xffff)
#define HIWORD(l) (((DWORD)(l) >> 16) & 0xffff)

/* ALG_ID layout: class | type | sub-id */
#define GET_ALG_CLASS(x) ((x) & (7 << 13))
#define GET_ALG_TYPE(x)  ((x) & (15 << 9))
#define GET_ALG_SID(x)   ((x) & 511)

#define ALG_CLASS_ANY          0
#define ALG_CLASS_SIGNATURE    (1 << 13)
#define ALG_CLASS_MSG_ENCRYPT  (2 << 13)
#define ALG_CLASS_DATA_ENCRYPT (3 << 13)
#define ALG_CLASS_HASH         (4 << 13)
#define ALG_CLASS_KEY_EXCHANGE (5 << 13)
#define ALG_CLASS_ALL          (7 << 13)

#define ALG_TYPE_ANY           0
#define ALG_TYPE_DSS           (1 << 9)
#define ALG_TYPE_RSA           (2 << 9)
#define ALG_TYPE_BLOCK         (3 << 9)
#define ALG_TYPE_STREAM        (4 << 9)
#define ALG_TYPE_DH            (5 << 9)
#define ALG_TYPE_SECURECHANNEL (6 << 9)

#define CALG_MD2        0x00008001
#define CALG_MD4        0x00008002
#define CALG_MD5        0x00008003
#define CALG_SHA        0x00008004
#define CALG_SHA1       0x00008004
#define CALG_MAC        0x00008005
#define CALG_SSL3_SHAMD5 0x00008008
#define CALG_HMAC       0x00008009
#define CALG_SHA_256    0x0000800c
#define CALG_SHA_384    0x0000800d
#define CALG_SHA_512    0x0000800e
#define CALG_RSA_SIGN   0x00002400
#define CALG_RSA_KEYX   0x0000a400
#define CALG_DES        0x00006601
#define CALG_3DES_112   0x00006609
#define CALG_3DES       0x00006603
#define CALG_RC2        0x00006602
#define CALG_RC4        0x00006801
#define CALG_AES_128    0x0000660e
#define CALG_AES_192    0x0000660f
#define CALG_AES_256    0x00006610
#define CALG_AES        0x00006611
#define CALG_SSL3_MASTER 0x00004c01
#define CALG_SCHANNEL_MASTER_HASH 0x00004c02
#define CALG_SCHANNEL_MAC_KEY 0x00004c03
#define CALG_PCT1_MASTER 0x00004c04
#define CALG_SSL2_MASTER 0x00004c05
#define CALG_TLS1_MASTER 0x00004c06
#define CALG_SCHANNEL_ENC_KEY 0x00004c07
#define CALG_TLS1PRF    0x0000800a
#define CALG_DSS_SIGN   0x00002200
#define CALG_DH_SF      0x0000aa01
#define CALG_DH_EPHEM   0x0000aa02
#define CALG_AGREEDKEY_ANY 0x0000aa03

/* CryptAcquireContext / CryptGenKey flags */
#define CRYPT_VERIFYCONTEXT  0xf0000000
#define CRYPT_NEWKEYSET      0x00000008
#define CRYPT_DELETEKEYSET   0x00000010
#define CRYPT_MACHINE_KEYSET 0x00000020
#define CRYPT_SILENT         0x00000040
#define CRYPT_EXPORTABLE     0x00000001
#define CRYPT_LITTLE_ENDIAN  0x00000001   /* CryptHashSessionKey */
#define CRYPT_USER_PROTECTED 0x00000002
#define CRYPT_CREATE_SALT    0x00000004
#define CRYPT_UPDATE_KEY     0x00000008
#define CRYPT_NO_SALT        0x00000010
#define CRYPT_PREGEN         0x00000040
#define CRYPT_ARCHIVABLE     0x00004000
#define CRYPT_FIRST          0x00000001
#define CRYPT_NEXT           0x00000002
#define CRYPT_OAEP           0x00000040
#define CRYPT_BLOB_VER3      0x00000080   /* CryptExportKey: version 3 DSS/DH BLOBs */
#define CRYPT_IPSEC_HMAC_KEY 0x00000100
#define CRYPT_SERVER         0x00000400   /* CryptDeriveKey of SChannel keys */

/* key permissions (KP_PERMISSIONS) */
#define CRYPT_ENCRYPT    0x0001
#define CRYPT_DECRYPT    0x0002
#define CRYPT_EXPORT     0x0004
#define CRYPT_READ       0x0008
#define CRYPT_WRITE      0x0010
#define CRYPT_MAC        0x0020
#define CRYPT_EXPORT_KEY 0x0040
#define CRYPT_IMPORT_KEY 0x0080
#define CRYPT_ARCHIVE    0x0100

#define CRYPT_MODE_CBC 1
#define CRYPT_MODE_ECB 2
#define CRYPT_MODE_OFB 3
#define CRYPT_MODE_CFB 4
#define CRYPT_MODE_CTS 5
#define PKCS5_PADDING  1

#define KP_IV          1
#define KP_SALT        2
#define KP_PADDING     3
#define KP_MODE        4
#define KP_MODE_BITS   5
#define KP_PERMISSIONS 6
#define KP_ALGID       7
#define KP_BLOCKLEN    8
#define KP_KEYLEN      9
#define KP_SALT_EX     10
#define KP_EFFECTIVE_KEYLEN 19
#define KP_SCHANNEL_ALG    20
#define KP_CLIENT_RANDOM   21
#define KP_SERVER_RANDOM   22
#define KP_P           11
#define KP_G           12
#define KP_Q           13
#define KP_X           14

#define HP_ALGID    1
#define HP_HASHVAL  2
#define HP_HASHSIZE 4
#define HP_HMAC_INFO 5
#define HP_TLS1PRF_LABEL 6
#define HP_TLS1PRF_SEED  7

#define PP_ENUMALGS        1
#define PP_ENUMCONTAINERS  2
#define PP_IMPTYPE         3
#define PP_NAME            4
#define PP_VERSION         5
#define PP_CONTAINER       6
#define PP_KEYSET_SEC_DESCR 8
#define PP_ENUMALGS_EX     22
#define PP_PROVTYPE        16
#define PP_KEYSPEC         39
#define PP_KEYSET_TYPE     27
#define PP_UNIQUE_CONTAINER 36
#define PP_SIG_KEYSIZE_INC 34
#define PP_KEYX_KEYSIZE_INC 35
#define PP_KEYSTORAGE      17
#define CRYPT_IMPL_SOFTWARE 2
#define CRYPT_SEC_DESCR     0x00000001

#define CRYPT_FLAG_PCT1  0x0001
#define CRYPT_FLAG_SSL2  0x0002
#define CRYPT_FLAG_SSL3  0x0004
#define CRYPT_FLAG_TLS1  0x0008
#define CRYPT_FLAG_IPSEC 0x0010
#define CRYPT_FLAG_SIGNING 0x0020

#define PROV_RSA_FULL     1
#define PROV_RSA_SIG      2
#define PROV_DSS          3
#define PROV_DSS_DH       13
#define PROV_DH_SCHANNEL  18
#define PROV_RSA_SCHANNEL 12
#define PROV_RSA_AES      24

#define AT_KEYEXCHANGE 1
#define AT_SIGNATURE   2

#define SIMPLEBLOB        0x1
#define PUBLICKEYBLOB     0x6
#define PRIVATEKEYBLOB    0x7
#define PLAINTEXTKEYBLOB  0x8
#define OPAQUEKEYBLOB     0x9
#define SYMMETRICWRAPKEYBLOB 0xb
#define CUR_BLOB_VERSION  2

typedef struct _PUBLICKEYSTRUC {
	BYTE bType;
	BYTE bVersion;
	uint16_t reserved;
	ALG_ID aiKeyAlg;
} BLOBHEADER, PUBLICKEYSTRUC;

typedef struct _HMAC_Info {
	ALG_ID HashAlgid;
	BYTE *pbInnerString;
	DWORD cbInnerString;
	BYTE *pbOuterString;
	DWORD cbOuterString;
} HMAC_INFO;

typedef struct _CRYPTOAPI_BLOB {
	DWORD cbData;
	BYTE *pbData;
} CRYPT_INTEGER_BLOB, CRYPT_DATA_BLOB;

/* KP_SCHANNEL_ALG: the cipher or MAC an SChannel master key derives */
typedef struct _SCHANNEL_ALG {
	DWORD dwUse;
	ALG_ID Algid;
	DWORD cBits;
	DWORD dwFlags;
	DWORD dwReserved;
} SCHANNEL_ALG;
#define SCHANNEL_MAC_KEY 0
#define SCHANNEL_ENC_KEY 1

typedef struct _PROV_ENUMALGS {
	ALG_ID aiAlgid;
	DWORD dwBitLen;
	DWORD dwNameLen;
	CHAR szName[20];
} PROV_ENUMALGS;

typedef struct _PROV_ENUMALGS_EX {
	ALG_ID aiAlgid;
	DWORD dwDefaultLen;
	DWORD dwMinLen;
	DWORD dwMaxLen;
	DWORD dwProtocols;
	DWORD dwNameLen;
	CHAR szName[20];
	DWORD dwLongNameLen;
	CHAR szLongName[40];
} PROV_ENUMALGS_EX;

#define ERROR_SUCCESS              0u
#define ERROR_NOT_ENOUGH_MEMORY    8u
#define ERROR_INVALID_PARAMETER    87u
#define ERROR_CALL_NOT_IMPLEMENTED 120u
#define ERROR_INSUFFICIENT_BUFFER  122u
#define ERROR_MORE_DATA            234u
#define ERROR_NO_MORE_ITEMS        259u

#define NTE_BAD_UID        0x80090001u
#define NTE_BAD_HASH       0x80090002u
#define NTE_BAD_KEY        0x80090003u
#define NTE_BAD_LEN        0x80090004u
#define NTE_BAD_DATA       0x80090005u
#define NTE_BAD_SIGNATURE  0x80090006u
#define NTE_BAD_VER        0x80090007u
#define NTE_BAD_ALGID      0x80090008u
#define NTE_BAD_FLAGS      0x80090009u
#define NTE_BAD_TYPE       0x8009000Au
#define NTE_BAD_KEY_STATE  0x8009000Bu
#define NTE_BAD_HASH_STATE 0x8009000Cu
#define NTE_NO_KEY         0x8009000Du
#define NTE_NO_MEMORY      0x8009000Eu
#define NTE_EXISTS         0x8009000Fu
#define NTE_PERM           0x80090010u
#define NTE_NOT_FOUND      0x80090011u
#define NTE_BAD_PROVIDER   0x80090013u
#define NTE_BAD_PROV_TYPE  0x80090014u
#define NTE_BAD_PUBLIC_KEY 0x80090015u
#define NTE_BAD_KEYSET     0x80090016u
#define NTE_KEYSET_NOT_DEF 0x80090019u
#define NTE_PROV_TYPE_NO_MATCH 0x8009001Bu
#define NTE_BAD_KEYSET_PARAM 0x8009001Fu
#define NTE_FAIL           0x80090020u
#define NTE_SYS_ERR        0x80090021u
#define NTE_FIXEDPARAMETER 0x80090025u

#endif /* _WIN32 */
#endif /* WINCSP_H */
