#include <pango/pangocairo.h>
// The font file behind a font Pango chose (for build manifests).
#include <pango/pangofc-font.h>
