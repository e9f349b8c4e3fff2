"""The plan's digital-skills topics and the audiences guides are written for (editors may change them)."""

from django.db import migrations

TOPICS = [
    ("dich-vu-cong-truc-tuyen", "Dịch vụ công trực tuyến",
     "Nộp hồ sơ thủ tục hành chính qua mạng, theo dõi kết quả và nộp phí trực tuyến."),
    ("dinh-danh-dien-tu-vneid", "Định danh điện tử VNeID",
     "Tài khoản định danh điện tử và ứng dụng VNeID để làm thủ tục, xuất trình giấy tờ."),
    ("thanh-toan-khong-dung-tien-mat", "Thanh toán không dùng tiền mặt",
     "Chuyển khoản, quét mã QR, trả hóa đơn điện, nước qua ứng dụng ngân hàng."),
    ("chu-ky-so", "Chữ ký số", "Chữ ký số cá nhân để ký giấy tờ điện tử và hồ sơ trực tuyến."),
    ("an-toan-thong-tin", "An toàn thông tin và phòng chống lừa đảo",
     "Nhận biết cuộc gọi, tin nhắn, đường link lừa đảo; giữ an toàn tài khoản và mã OTP."),
    ("y-te-so", "Y tế số", "Tư vấn, khám sức khỏe từ xa và giấy tờ y tế điện tử."),
    ("ket-noi-chinh-quyen", "Kết nối với chính quyền",
     "Kênh thông tin chính thức của phường, xã để nhận thông báo và hỏi đáp."),
]
AUDIENCES = [
    ("nguoi-cao-tuoi", "Người cao tuổi", "Từ 55 tuổi trở lên, quen làm giấy tờ trực tiếp và dùng tiền mặt."),
    ("moi-dung-dien-thoai", "Người mới dùng điện thoại thông minh", "Mới bắt đầu dùng ứng dụng trên điện thoại."),
    ("ho-kinh-doanh", "Hộ kinh doanh, tiểu thương", "Nhận tiền, trả tiền và làm thủ tục cho cửa hàng."),
    ("nguoi-huong-luong-huu", "Người hưởng lương hưu, trợ cấp", "Nhận lương hưu, trợ cấp qua tài khoản."),
    ("moi-nguoi-dan", "Mọi người dân", "Hướng dẫn chung cho mọi người."),
]


def create_terms(apps, schema_editor):
    for model_name, terms in (("GuideTopic", TOPICS), ("GuideAudience", AUDIENCES)):
        model = apps.get_model("guides", model_name)
        for order, (slug, name, description) in enumerate(terms, start=1):
            model.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "sort_order": order * 10}
            )


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]

    operations = [migrations.RunPython(create_terms, migrations.RunPython.noop)]
