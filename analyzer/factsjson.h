/* JSON for `mdtriage facts`: what each artefact (and segment) parsed to. */
#ifndef MDT_FACTSJSON_H
#define MDT_FACTSJSON_H

#include "../parsers/artefact.h"

struct json_object;
struct json_object *artefact_json(const struct artefact *art, int with_facts);
struct json_object *facts_json(const struct artefact_set *set);

#endif
