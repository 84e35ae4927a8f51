#ifndef FEEDD_CLIBXML2_SHIM_H
#define FEEDD_CLIBXML2_SHIM_H

/* Debian's libxml2 pulls in the system ICU headers, which clash with
   Foundation's own ICU ("'UErrorCode' has different definitions"). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/relaxng.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/SAX2.h>

/* xmlFree is a global mutable function pointer, which Swift 6 rejects. */
static inline void feedd_xmlFree(void *p) { xmlFree(p); }

/* The generic error handler is C-variadic and per thread in libxml2 2.9:
   silence it on the calling thread (errors are read through serror instead). */
static void feedd_silentGenericError(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void feedd_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, feedd_silentGenericError);
}

#endif
