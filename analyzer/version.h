#ifndef MDT_VERSION_H
#define MDT_VERSION_H
#define MDT_VERSION "0.1.0"
#endif
