/* `mdtriage batch`: many cases, all cores, one bad case never stops the run. */
#ifndef MDT_BATCH_H
#define MDT_BATCH_H

int cmd_batch(int argc, char **argv);

#endif
