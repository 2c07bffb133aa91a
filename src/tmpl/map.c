/*
 * map.c — loading a directory of templates into a set; see tmpl.h
 * (tmpl_set_load_dir). Each regular *.html file is one template, named by
 * its file name without the extension, added in name order and linked
 * once all are read.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/limits.h"
#include "tmpl/fout.h"
#include "tmpl/tmpl.h"

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Reads regular file `name` of dirfd into buf (WZ_MAX_TEMPLATE_SIZE + 1
 * bytes). Returns the length, -2 when the entry is not a regular file (to
 * be skipped), or -1 with err filled.
 */
static long
read_template(int dirfd, const char *name, const char *path, char *buf,
    char *err, size_t errlen)
{
	struct stat st;
	size_t len = 0;
	ssize_t r;
	int fd;

	/* O_NONBLOCK: a FIFO named x.html must not hang the start-up. */
	fd = openat(dirfd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1)
		return tmpl_fout(err, errlen, path, 1, "%s", strerror(errno));
	if (fstat(fd, &st) == -1) {
		tmpl_fout(err, errlen, path, 1, "%s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return -2;
	}
	/* Read one byte past the limit so a file that grew is caught. */
	while (len <= WZ_MAX_TEMPLATE_SIZE) {
		r = read(fd, buf + len, WZ_MAX_TEMPLATE_SIZE + 1 - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			tmpl_fout(err, errlen, path, 1, "%s", strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (len > WZ_MAX_TEMPLATE_SIZE)
		return tmpl_fout(err, errlen, path, 1,
		    "template too large (more than %d bytes)",
		    WZ_MAX_TEMPLATE_SIZE);
	return (long)len;
fail:
	close(fd);
	return -1;
}

struct tmpl_set *
tmpl_set_load_dir(const char *dir, char *err, size_t errlen)
{
	struct tmpl_set *set = NULL;
	struct dirent *de;
	DIR *d = NULL;
	char **names = NULL, **grown, *buf = NULL;
	char path[PATH_MAX], tname[NAME_MAX + 1];
	size_t nnames = 0, cap = 0, i, nlen;
	long len;
	int ok = 0;

	if (dir == NULL) {
		tmpl_fout(err, errlen, "(templates)", 0, "no directory");
		return NULL;
	}
	if ((d = opendir(dir)) == NULL) {
		tmpl_fout(err, errlen, dir, 0, "%s", strerror(errno));
		return NULL;
	}
	/* Collect and sort the names first, so that which error is
	 * reported does not depend on the file system's order. */
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		nlen = strlen(de->d_name);
		/* Hidden files are editor leftovers, never templates. */
		if (de->d_name[0] == '.' || nlen <= 5 ||
		    strcmp(de->d_name + nlen - 5, ".html") != 0)
			continue;
		if (nnames == cap) {
			cap = cap ? cap * 2 : 32;
			grown = realloc(names, cap * sizeof(*names));
			if (grown == NULL)
				goto oom;
			names = grown;
		}
		if ((names[nnames] = strdup(de->d_name)) == NULL)
			goto oom;
		nnames++;
	}
	if (errno != 0) {
		tmpl_fout(err, errlen, dir, 0, "%s", strerror(errno));
		goto out;
	}
	if (nnames > 0)
		qsort(names, nnames, sizeof(*names), cmp_names);

	if ((set = tmpl_set_new()) == NULL ||
	    (buf = malloc(WZ_MAX_TEMPLATE_SIZE + 1)) == NULL)
		goto oom;
	for (i = 0; i < nnames; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    names[i]) >= sizeof(path)) {
			tmpl_fout(err, errlen, names[i], 0, "path too long");
			goto out;
		}
		len = read_template(dirfd(d), names[i], path, buf, err,
		    errlen);
		if (len == -2)
			continue;
		if (len < 0)
			goto out;
		nlen = strlen(names[i]) - 5;
		memcpy(tname, names[i], nlen);
		tname[nlen] = '\0';
		if (tmpl_set_add(set, tname, path, buf, (size_t)len, err,
		    errlen) != 0)
			goto out;
	}
	if (tmpl_set_link(set, err, errlen) != 0)
		goto out;
	ok = 1;
	goto out;
oom:
	tmpl_fout(err, errlen, dir, 0, "out of memory");
out:
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	free(buf);
	closedir(d);
	if (!ok) {
		tmpl_set_free(set);
		return NULL;
	}
	return set;
}

