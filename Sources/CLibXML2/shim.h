/* libxml2's reader without its ICU headers: Debian builds libxml2 with ICU, whose system headers
   clash with the ICU copy inside Foundation. Only reader functions and pointers are used here,
   never the encoding-handler struct whose fields ICU changes. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 refuses to read from Swift as shared
   mutable state; calling it from C keeps libxml2's own allocator. */
static inline void briefing_xml_free(void *p) { xmlFree(p); }
