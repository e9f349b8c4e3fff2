"""The words citizens type for procedures, as editors start with them (they edit them in the admin)."""

from django.db import migrations

# (term, equivalents, two_way)
INITIAL_SYNONYMS = [
    ("CCCD", ["căn cước công dân", "căn cước", "thẻ căn cước"], True),
    ("CMND", ["chứng minh nhân dân", "căn cước"], True),
    ("sổ đỏ", ["giấy chứng nhận quyền sử dụng đất"], True),
    ("sổ hồng", ["giấy chứng nhận quyền sở hữu nhà ở", "giấy chứng nhận quyền sử dụng đất"], True),
    ("hộ khẩu", ["thường trú", "cư trú"], False),
    ("GPLX", ["giấy phép lái xe"], True),
    ("bằng lái", ["giấy phép lái xe"], False),
    ("GPXD", ["giấy phép xây dựng"], True),
    ("ĐKKD", ["đăng ký kinh doanh"], True),
    ("giấy phép kinh doanh", ["đăng ký kinh doanh"], False),
    ("BHYT", ["bảo hiểm y tế"], True),
    ("BHXH", ["bảo hiểm xã hội"], True),
    ("MST", ["mã số thuế"], True),
    ("LLTP", ["lý lịch tư pháp"], True),
    ("công chứng", ["chứng thực"], False),
    ("xác nhận độc thân", ["xác nhận tình trạng hôn nhân"], False),
    ("giấy xác nhận độc thân", ["xác nhận tình trạng hôn nhân"], False),
    ("sang tên", ["chuyển nhượng", "chuyển quyền"], False),
    ("VNeID", ["định danh điện tử"], True),
    ("sửa sai", ["cải chính"], False),
    ("làm", ["cấp", "đăng ký"], False),
    ("làm lại", ["cấp lại", "đăng ký lại"], False),
    ("mở hộ kinh doanh", ["thành lập hộ kinh doanh"], False),
    ("mở cửa hàng", ["thành lập hộ kinh doanh"], False),
    ("sửa thông tin", ["cải chính"], False),
]


def create(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, equivalents, two_way in INITIAL_SYNONYMS:
        Synonym.objects.get_or_create(term=term, defaults={"equivalents": "\n".join(equivalents), "two_way": two_way})


def remove(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(term__in=[term for term, _, _ in INITIAL_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_vietnamese_text_search")]

    operations = [migrations.RunPython(create, remove)]
